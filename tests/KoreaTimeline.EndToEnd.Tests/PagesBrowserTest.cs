using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// Issue 12's pages in a real Chromium among 500 other events: a keyboard-only journey from the timeline to a quote in
/// its article, the quote as the target without script, and axe on the indexes, the comparison and an event page.
/// </summary>
public sealed partial class PagesBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IBrowserContext Context)> StartAsync(bool javaScript = true)
    {
        var chromium = BrowserHost.RequireChromium();
        var app = new LargeTimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScript,
        });
        return (app, playwright, browser, context);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Presses Tab until <paramref name="target"/> (its first match) has the focus; fails after <paramref name="most"/> presses.</summary>
    private static async Task TabToAsync(IPage page, string target, int most)
    {
        for (var presses = 0; presses < most; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", target))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"{target} was not reached in {most} Tab presses; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)")}");
    }

    [Fact]
    public async Task Keyboard_only_from_the_timeline_to_an_event_and_its_quote_in_the_article()
    {
        var (app, playwright, browser, context) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        // From where the page puts the focus (its heading), Tab reaches the first event.
        await TabToAsync(page, ".event-card :is(h2, h4) a", 12); // h4 under the month headings
        var title = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/events/\d+/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await WaitInteractiveAsync(page);

        await TabToAsync(page, "[data-testid=quote-link]", 60);
        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        var anchor = QuoteHref().Match(href);
        Assert.True(anchor.Success, href);
        var quoteId = anchor.Groups[2].Value;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/articles/{anchor.Groups[1].Value}#q-{quoteId}$"));

        var quote = page.Locator($"#q-{quoteId}");
        await Expect(quote).ToBeInViewportAsync();
        await page.WaitForFunctionAsync("id => document.querySelector(':target')?.id === id", $"q-{quoteId}");
        await Expect(quote).ToBeFocusedAsync();
        await Expect(quote).ToHaveClassAsync(new Regex(@"\bquote-current\b"));
        // Marked as the target: the :target colour, not the plain highlight's.
        await Expect(quote).ToHaveCSSAsync("background-color", "rgb(255, 183, 77)");
    }

    [Fact]
    public async Task Without_script_the_quote_link_still_targets_and_marks_the_quote()
    {
        var (app, playwright, browser, context) = await StartAsync(javaScript: false);
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        var page = await context.NewPageAsync();
        var e = app.Events.OrderByDescending(x => x.Evidence.Count).First();
        var evidence = e.Evidence[^1];

        await page.GotoAsync($"/events/{e.Id}/{e.Slug}");
        await page.Locator($"a[href='/articles/{evidence.ArticleId}#q-{evidence.Id}']").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/articles/{evidence.ArticleId}#q-{evidence.Id}$"));

        var quote = page.Locator($"#q-{evidence.Id}");
        await Expect(quote).ToBeInViewportAsync();
        await Expect(quote).ToHaveCSSAsync("background-color", "rgb(255, 183, 77)");
        Assert.Equal($"q-{evidence.Id}", await page.EvaluateAsync<string>("() => document.querySelector(':target')?.id"));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task New_pages_have_no_serious_or_critical_accessibility_violations(string theme)
    {
        var (app, playwright, browser, context) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        await context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Domain = "127.0.0.1", Path = "/" }]);
        var page = await context.NewPageAsync();
        var e = app.Events[0];

        var problems = new List<string>();
        foreach (var path in new[]
                 {
                     "/actors", "/actors?sort=name&q=k&page=1", "/articles", "/articles?sort=events&page=2",
                     "/compare", "/compare?actor=kim-jong-un&actor=donald-trump", $"/events/{e.Id}/{e.Slug}",
                     $"/articles/{e.Evidence[0].ArticleId}#q-{e.Evidence[0].Id}",
                 })
        {
            await page.GotoAsync(path);
            await WaitInteractiveAsync(page);
            Deque.AxeCore.Commons.AxeResult results;
            try
            {
                results = await page.RunAxe();
            }
            catch (PlaywrightException x)
            {
                throw new InvalidOperationException($"axe on {path}: {x.Message}", x);
            }
            problems.AddRange(results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"^/articles/(\d+)#q-(\d+)$")]
    private static partial Regex QuoteHref();
}
