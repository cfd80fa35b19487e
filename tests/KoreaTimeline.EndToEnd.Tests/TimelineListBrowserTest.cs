using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// The list on <c>/</c> in Chromium over 512 events (issue 12): sticky year and month headings across "load more",
/// date fields that take partial dates, keyboard focus, long search text at phone width, and the OS colour scheme.
/// </summary>
public sealed partial class TimelineListBrowserTest
{
    private static async Task<(LargeTimelineAppFactory App, IPlaywright Playwright, IBrowser Browser, IPage Page)> StartAsync(
        int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
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
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        var page = await context.NewPageAsync();
        return (app, playwright, browser, page);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    [Fact]
    public async Task Year_and_month_headings_stick_and_load_more_continues_their_groups()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(50);
        await page.Locator("[data-testid=load-more]").ClickAsync();
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(100);

        // One heading per month however the pages split it, and each year's count is the sum of its months' counts
        // over the whole view (the page shows only some of its events).
        var months = await page.Locator("h3[data-testid=month-heading]").AllInnerTextsAsync();
        Assert.Equal(months.Count, months.Distinct().Count());
        var years = await page.Locator("[data-testid=year-group]").AllAsync();
        Assert.True(years.Count >= 2, "100 events of 512 should span more than one year");
        var total = 0;
        foreach (var year in years)
        {
            var heading = await year.Locator("h2[data-testid=year-heading]").InnerTextAsync();
            var yearCount = int.Parse(YearCount().Match(heading).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            total += yearCount;
            Assert.True(yearCount >= await year.Locator(".event-card").CountAsync(), heading);
        }
        Assert.True(total >= 100);

        // Scrolled to the last card of a month of several cards, its year's and its month's headings sit under the app
        // bar, one below the other, and the card clears them (its scroll margin).
        var appBar = await page.Locator("header.mud-appbar").EvaluateAsync<double>("h => h.getBoundingClientRect().bottom");
        var boxes = await page.EvaluateAsync<double[]>("""
            () => {
                const month = Array.from(document.querySelectorAll('[data-testid=month-group]')).find(m => m.querySelectorAll('.event-card').length > 1);
                const card = Array.from(month.querySelectorAll('.event-card')).at(-1);
                card.scrollIntoView({ block: 'start' });
                const year = month.closest('[data-testid=year-group]').querySelector('h2').getBoundingClientRect();
                const heading = month.querySelector('h3').getBoundingClientRect();
                return [year.top, heading.top, heading.bottom, card.getBoundingClientRect().top];
            }
            """);
        var (yearTop, monthBox, cardTop) = (boxes[0], boxes[1..3], boxes[3]);
        Assert.InRange(yearTop, appBar - 1, appBar + 1);
        Assert.InRange(monthBox[0], appBar + 31, appBar + 33);
        Assert.True(cardTop >= monthBox[1], $"the card ({cardTop}) is under the month heading (bottom {monthBox[1]})");
    }

    [Fact]
    public async Task Date_fields_apply_partial_dates_on_enter_and_on_tab_and_refuse_what_they_cannot_read()
    {
        var (app, playwright, browser, page) = await StartAsync();
        await using var _ = app;
        using var __ = playwright;
        await using var ___ = browser;

        await page.GotoAsync("/");
        await WaitInteractiveAsync(page);
        var from = page.Locator("[data-testid=from]");
        var to = page.Locator("[data-testid=to]");

        // Enter applies a year as its first day, with focus still in the field.
        await from.FillAsync("2019");
        await from.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"\?from=2019-01-01$"));
        await Expect(from).ToHaveValueAsync("2019-01-01");

        // Tab applies a month as its last day.
        await to.FillAsync("2019-06");
        await to.PressAsync("Tab");
        await page.WaitForURLAsync(new Regex(@"\?from=2019-01-01&to=2019-06-30$"));
        await Expect(page.Locator("[data-testid=result-count]")).Not.ToContainTextAsync($"{app.TotalEvents} events");

        // Nonsense stays in the field with a helper text naming it, and the view does not change.
        var url = page.Url;
        await to.FillAsync("2019-13");
        await to.PressAsync("Enter");
        await Expect(page.Locator("[data-testid=date-help]")).ToContainTextAsync("To: \u201C2019-13\u201D is not a date");
        await Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        await to.PressAsync("Tab");
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(url, page.Url);
        await Expect(to).ToHaveValueAsync("2019-13");
    }

    [GeneratedRegex(@"· ([\d,]+) event")]
    private static partial Regex YearCount();
}
