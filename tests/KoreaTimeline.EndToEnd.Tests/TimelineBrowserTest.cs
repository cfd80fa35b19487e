using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;
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
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var target = app.Sample!.DayEvent;

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
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(app.Sample.Events.Count);

        var screenshot = Path.Combine(BrowserHost.RepositoryRoot().FullName, "docs", "screenshot.png");
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
