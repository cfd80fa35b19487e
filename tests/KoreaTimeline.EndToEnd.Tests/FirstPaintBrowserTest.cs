using System.Globalization;
using System.Text.Json;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// First contentful paint of <c>/</c> (issue 12: at most 300 ms on loopback). A paint time depends on the machine's load, so
/// it is reported, not asserted; what is asserted is what decides it: the CSS the browser must download and parse before
/// it may paint (Resource Timing's <c>renderBlockingStatus</c>). Each run launches a fresh Chromium with the cache off.
/// <c>KOREATIMELINE_MEASURE_URL</c> measures a running app (the published Release build) instead of the test host;
/// <c>KOREATIMELINE_PAINT_RUNS</c> sets the number of runs (1 by default).
/// </summary>
public sealed class FirstPaintBrowserTest
{
    /// <summary>
    /// The most CSS (decoded, in bytes) that may block the first paint. MudBlazor's whole stylesheet alone is 627 KB; the
    /// app's own sheets, the palette and the trimmed MudBlazor sheet are well under this.
    /// </summary>
    public const long RenderBlockingCssBudget = 120 * 1024;

    [Fact]
    public async Task The_first_paint_waits_for_little_CSS()
    {
        var chromium = BrowserHost.RequireChromium();
        var external = Environment.GetEnvironmentVariable("KOREATIMELINE_MEASURE_URL");
        var runs = int.TryParse(Environment.GetEnvironmentVariable("KOREATIMELINE_PAINT_RUNS"), out var n) && n > 0 ? n : 1;
        await using var app = external is null ? new TimelineAppFactory() : null;
        Uri baseAddress;
        if (app is not null)
        {
            baseAddress = BrowserHost.StartOnSocket(app);
            await app.InitializeAsync();
        }
        else
        {
            baseAddress = new Uri(external!);
        }
        using var playwright = await Playwright.CreateAsync();
        var paints = new List<double>();
        var report = new List<string>();
        List<BlockingResource> blocking = [];
        for (var run = 1; run <= runs; run++)
        {
            await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => performance.getEntriesByName('first-contentful-paint').length > 0");
            var paint = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0].startTime");
            var entries = await page.EvaluateAsync<JsonElement>(
                """
                () => performance.getEntriesByType('resource')
                    .filter(r => r.renderBlockingStatus === 'blocking')
                    .map(r => [r.name, r.decodedBodySize, r.responseEnd])
                """);
            blocking = [.. entries.EnumerateArray().Select(e => new BlockingResource(e[0].GetString()!, e[1].GetDouble(), e[2].GetDouble()))];
            var navigation = await page.EvaluateAsync<double[]>(
                "() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd]; }");
            paints.Add(paint);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"run {run}: first contentful paint {paint:F0} ms (HTML received {navigation[0]:F0} ms, parsed {navigation[1]:F0} ms, DOMContentLoaded {navigation[2]:F0} ms); render-blocking: ") +
                string.Join(", ", blocking.Select(b => string.Create(CultureInfo.InvariantCulture, $"{new Uri(b.Url).AbsolutePath} {b.DecodedBytes:N0} B (done at {b.ResponseEnd:F0} ms)"))));
        }
        paints.Sort();
        var blockingCss = blocking.Where(b => new Uri(b.Url).AbsolutePath.EndsWith(".css", StringComparison.Ordinal)).Sum(b => b.DecodedBytes);
        report.Add(string.Create(CultureInfo.InvariantCulture,
            $"first contentful paint over {runs} runs: min {paints[0]:F0} ms, median {paints[paints.Count / 2]:F0} ms, max {paints[^1]:F0} ms; render-blocking CSS {blockingCss:N0} B decoded"));
        var text = string.Join("\n", report);
        Xunit.TestContext.Current.SendDiagnosticMessage(text);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "koreatimeline-first-paint.txt"), text, Xunit.TestContext.Current.CancellationToken);
        Assert.True(blockingCss <= RenderBlockingCssBudget, text);
    }

    private sealed record BlockingResource(string Url, double DecodedBytes, double ResponseEnd);
}
