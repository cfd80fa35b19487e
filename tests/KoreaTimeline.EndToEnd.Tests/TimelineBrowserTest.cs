using System.Text.RegularExpressions;
using KoreaTimeline.Data;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>The app in a real Chromium: the timeline, a click to a permalink, and a reload of it.</summary>
public sealed class TimelineBrowserTest
{
    [Fact]
    public async Task Clicking_an_event_opens_its_permalink_which_survives_a_reload()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new SeededAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var events = await StoredEventsAsync(app);
        var target = events.OrderByDescending(e => e.Start).First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(events.Count);

        var screenshot = Path.Combine(RepositoryPaths.Root, "docs", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });

        await page.GetByRole(AriaRole.Link, new() { Name = target.Title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/events/{target.Id}/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        // A navigation to another page puts focus on its heading (a page loaded by the browser starts at the top).
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Title);
        Assert.Matches($"/events/{target.Id}/{target.Slug}$", page.Url);
        await Expect(page.Locator("blockquote")).ToHaveCountAsync(target.Evidence.Count);
    }

    [Fact]
    public async Task A_permalink_served_from_the_cache_still_starts_its_circuit()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var permalink = $"/events/{app.Sample!.DayEvent.Id}/{app.Sample.DayEvent.Slug}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        // Two readers, each with a browser context (cookies, circuit) of their own: the second gets the first one's HTML,
        // component markers included, and its circuit must start from them.
        for (var reader = 0; reader < 2; reader++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(permalink);
            Assert.Equal(reader == 1, response!.Headers.ContainsKey("age"));
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.GetByTestId("copy-cite-text").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        }
    }

    private static async Task<List<Data.Entities.Event>> StoredEventsAsync(SeededAppFactory app)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Events.AsNoTracking().Include(e => e.Evidence).ToListAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Timeline_fits_a_360_pixel_phone_without_sideways_scrolling()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();

        var sample = app.Sample!;
        foreach (var path in new[] { "/", $"/events/{sample.DayEvent.Id}/{sample.DayEvent.Slug}", $"/articles/{sample.Article.Id}" })
        {
            await page.GotoAsync(path);
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"{path} is {width} px wide on a 360 px screen");
            var problems = await page.EvaluateAsync<string[]>(AppBarProblems);
            Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
        }

        // Every link of the app bar is a Tab stop, shown whole inside the bar and ringed when focused.
        await page.GotoAsync("/");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var controls = page.Locator("header.mud-appbar a, header.mud-appbar button");
        var count = await controls.CountAsync();
        Assert.True(count >= 5, $"{count} controls in the app bar");
        await page.Locator("[data-testid=skip-link]").FocusAsync();
        for (var i = 0; i < count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var control = controls.Nth(i);
            await Expect(control).ToBeFocusedAsync();
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
            Assert.NotEqual("none", await control.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        }
    }

    /// <summary>
    /// What is wrong with the app bar's layout: a control or text sticking out of the bar (or out of a part of it that
    /// clips, such as a scrolling list of links), two of them overlapping, or the bar wider than its content box.
    /// </summary>
    private const string AppBarProblems = """
        () => {
            const bar = document.querySelector('header.mud-appbar');
            const problems = [];
            const name = e => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || '').trim()}"`;
            for (const e of [bar, ...bar.querySelectorAll('*')]) {
                const style = getComputedStyle(e);
                if (e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && style.overflowX !== 'visible' || e === bar && e.scrollWidth > e.clientWidth) {
                    problems.push(`${name(e)} overflows sideways (${e.scrollWidth} > ${e.clientWidth} px)`);
                }
            }
            const barBox = bar.getBoundingClientRect();
            if (barBox.left < 0 || barBox.right > document.documentElement.clientWidth) {
                problems.push(`the app bar spans ${barBox.left}..${barBox.right} px`);
            }
            const items = [...bar.querySelectorAll('a, button, .signed-in')].filter(e => e.getClientRects().length > 0);
            const boxes = items.map(e => [e, e.getBoundingClientRect()]);
            for (const [e, b] of boxes) {
                if (b.left < barBox.left - 0.5 || b.right > barBox.right + 0.5 || b.top < barBox.top - 0.5 || b.bottom > barBox.bottom + 0.5) {
                    problems.push(`${name(e)} at ${b.left},${b.top}..${b.right},${b.bottom} sticks out of the app bar (${barBox.right}x${barBox.bottom})`);
                }
            }
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                    const [a, p] = boxes[i], [c, q] = boxes[j];
                    if (a.contains(c) || c.contains(a)) continue;
                    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
                    const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                    if (w > 0.5 && h > 0.5) problems.push(`${name(a)} overlaps ${name(c)}`);
                }
            }
            return problems;
        }
        """;
}
