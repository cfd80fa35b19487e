using System.Globalization;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// The time axis in Chromium over 512 events: the wheel zooms, a drag pans, keys on the toolbar zoom, a count zooms into
/// its period, each changing the URL's from/to and the list with it; an event on the axis scrolls the list to its card.
/// Also the screenshots of the axis in docs/.
/// </summary>
public sealed partial class TimeAxisBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IPage Page, List<string> Console)> StartAsync()
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
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        return (app, playwright, browser, page, console);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The from and to of the page's URL.</summary>
    private static (DateOnly From, DateOnly To) Range(IPage page)
    {
        var from = FromParam().Match(page.Url);
        var to = ToParam().Match(page.Url);
        Assert.True(from.Success && to.Success, $"no from/to in {page.Url}");
        return (DateOnly.Parse(from.Groups[1].Value, CultureInfo.InvariantCulture), DateOnly.Parse(to.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static int Days((DateOnly From, DateOnly To) range) => range.To.DayNumber - range.From.DayNumber + 1;

    private static async Task<(float X, float Y)> PlotCentreAsync(IPage page)
    {
        var box = await page.Locator("[data-testid=time-axis-plot]").BoundingBoxAsync();
        Assert.NotNull(box);
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    [Fact]
    public async Task Wheel_drag_keys_and_counts_zoom_and_pan_the_url_and_the_list()
    {
        var (app, playwright, browser, page, console) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        var axisRange = page.Locator("[data-testid=time-axis-range]");
        await Expect(axisRange).ToContainTextAsync($"{app.TotalEvents} events");

        // The wheel zooms in around the pointer: from/to appear in the URL, the list and the axis follow.
        var (x, y) = await PlotCentreAsync(page);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.WheelAsync(0, -400);
        await page.WaitForURLAsync(FromParam());
        var zoomed = Range(page);
        var count = page.Locator("[data-testid=result-count]");
        await Expect(count).Not.ToContainTextAsync($"{app.TotalEvents} events");
        await Expect(axisRange).Not.ToContainTextAsync($"{app.TotalEvents} events");
        Assert.True(Days(zoomed) < 365 * 20, $"the wheel zoomed to {zoomed}");

        // A drag to the left moves the view later by about as much as the drag's share of the width. The server may
        // still be replacing the zoomed axis when the first drag starts (a drag over a replaced element is lost), so a
        // drag that moved nothing within ten seconds is made again, three times at most.
        for (var attempt = 1; ; attempt++)
        {
            (x, y) = await PlotCentreAsync(page);
            await page.Mouse.MoveAsync(x, y);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(x - 100, y, new() { Steps = 5 });
            await page.Mouse.MoveAsync(x - 200, y, new() { Steps = 5 });
            await page.Mouse.UpAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains($"from={zoomed.From:yyyy-MM-dd}", StringComparison.Ordinal), new() { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        var panned = Range(page);
        Assert.True(panned.From > zoomed.From && panned.To > zoomed.To, $"{zoomed} panned to {panned}");
        Assert.InRange(Days(panned), Days(zoomed) - 2, Days(zoomed) + 2);

        // Keys on the toolbar: "+" zooms in to half the days.
        var toolbar = page.Locator("[data-testid=time-axis-toolbar] a").First;
        await toolbar.FocusAsync();
        await page.Keyboard.PressAsync("+");
        await page.WaitForURLAsync(url => !url.Contains($"from={panned.From:yyyy-MM-dd}", StringComparison.Ordinal));
        var halved = Range(page);
        Assert.InRange(Days(halved), Days(panned) / 2 - 1, Days(panned) / 2 + 1);

        // The arrow keys move between the toolbar's buttons, one Tab stop.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("[data-testid=axis-zoom-in]")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-testid=axis-zoom-in]")).ToHaveAttributeAsync("tabindex", "0");

        // A cluster zooms into its period: back to the whole range, then into the busiest slice.
        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        var cluster = page.Locator(".axis-cluster").Last;
        var (sliceFrom, sliceTo) = (await cluster.GetAttributeAsync("data-from"), await cluster.GetAttributeAsync("data-to"));
        await cluster.ClickAsync();
        await page.WaitForURLAsync(new Regex($"from={sliceFrom}&to={sliceTo}"));
        await Expect(axisRange).Not.ToContainTextAsync($"{app.TotalEvents} events");

        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_event_on_the_axis_scrolls_the_list_to_its_card()
    {
        var (app, playwright, browser, page, console) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;
        var summit = app.Events[0];

        // June 2018: the invented summit among a month of events, drawn one by one.
        await page.GotoAsync("/?from=2018-06-01&to=2018-06-30");
        await WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await page.Locator($".time-axis-svg [data-event-id='{summit.Id}']").DispatchEventAsync("click");

        var card = page.Locator($".event-card[data-event-id='{summit.Id}']");
        await Expect(card).ToHaveClassAsync(new Regex("selected"));
        await Expect(card).ToBeInViewportAsync();
        await Expect(card.Locator(".event-title a")).ToBeFocusedAsync();
        Assert.EndsWith("/?from=2018-06-01&to=2018-06-30", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_first_event_is_at_most_ten_tab_stops_from_the_top()
    {
        var (app, playwright, browser, page, _) = await StartAsync();
        await using var _a = app;
        using var _p = playwright;
        await using var _b = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        // The skip link is the page's first focusable element: counting from it is counting from the top.
        var skip = page.Locator("[data-testid=skip-link]");
        await Expect(skip).ToHaveTextAsync("Skip to results");
        Assert.True(await skip.EvaluateAsync<bool>(
            "s => Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')).find(e => e.tabIndex >= 0) === s"));
        await skip.FocusAsync();
        var firstTitle = page.Locator(".event-card .event-title a").First;
        var stops = 1;
        while (stops < 10 && !await firstTitle.EvaluateAsync<bool>("a => document.activeElement === a"))
        {
            await page.Keyboard.PressAsync("Tab");
            stops++;
        }
        await Expect(firstTitle).ToBeFocusedAsync();

        // The short way: the page's first Tab shows the skip link, Enter lands on the results, the next Tab is the first event.
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#results")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(firstTitle).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("/?from=1990-01-01&to=2025-12-31", "decade")]
    [InlineData("/?from=2018-06-01&to=2018-06-30", "month")]
    [InlineData("/?from=1990-01-01&to=2025-12-31&lanes=type", "lanes")]
    public async Task Screenshots_of_the_axis_for_the_readme(string path, string name)
    {
        var (app, playwright, browser, page, _) = await StartAsync();
        await using var _a = app;
        using var _p = playwright;
        await using var _b = browser;

        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        var file = Path.Combine(RepositoryPaths.Root, "docs", $"time-axis-{name}.png");
        await page.Locator("[data-testid=time-axis]").ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 5_000);
    }

    [GeneratedRegex(@"[?&]from=(\d{4}-\d{2}-\d{2})")]
    private static partial Regex FromParam();

    [GeneratedRegex(@"[?&]to=(\d{4}-\d{2}-\d{2})")]
    private static partial Regex ToParam();
}
