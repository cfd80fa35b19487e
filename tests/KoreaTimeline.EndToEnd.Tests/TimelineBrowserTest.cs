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
        }
    }
}
