using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>The timeline's Export menu in a real Chromium: the download is the filtered view.</summary>
public sealed class ExportBrowserTest
{
    [Fact]
    public async Task Export_menu_downloads_the_filtered_view_as_csv()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new LargeTimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/?actor=kim-jong-un&type=summit&type=meeting");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var expected = InventedTimeline.Specs
            .Where(s => s.Actors.Contains("kim-jong-un") && s.Type is Extraction.Pipeline.EventType.Summit or Extraction.Pipeline.EventType.Meeting)
            .Select(s => app.Events.Single(e => e.Title == s.Title))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.Id)
            .ToList();
        await Expect(page.Locator(".event-card")).ToHaveCountAsync(expected.Count);

        await page.Locator("[data-testid=export-menu] button").First.ClickAsync();
        var item = page.Locator("[data-testid=export-csv]");
        await Expect(item).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => item.ClickAsync());

        Assert.Equal("koreatimeline-events.csv", download.SuggestedFilename);
        Assert.Contains("/export/csv?actor=kim-jong-un&type=summit&type=meeting", download.Url, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"koreatimeline-export-{Guid.NewGuid():N}.csv");
        try
        {
            await download.SaveAsAsync(path);
            var lines = (await File.ReadAllLinesAsync(path, Xunit.TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();
            Assert.StartsWith("id,url,title,type,", lines[0], StringComparison.Ordinal);
            Assert.Equal(expected.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
            Assert.All(expected, e => Assert.Contains(lines, l => l.Contains(e.Title, StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
