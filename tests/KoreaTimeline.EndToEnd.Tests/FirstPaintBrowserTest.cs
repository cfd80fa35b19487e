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
    /// The most CSS (decoded, in bytes) that may block the first paint: 256 KB. MudBlazor's whole stylesheet alone is
    /// 627 KB; the trimmed one (wwwroot/mudblazor.trimmed.css, about 155 KB), the palette (13 KB) and the app's sheets
    /// (18 KB) come to about 187 KB.
    /// </summary>
    public const long RenderBlockingCssBudget = 256 * 1024;

    [Fact]
    public async Task The_first_paint_waits_for_little_CSS()
    {
        var chromium = BrowserHost.RequireChromium();
        var external = Environment.GetEnvironmentVariable("KOREATIMELINE_MEASURE_URL");
        var trace = Environment.GetEnvironmentVariable("KOREATIMELINE_PAINT_TRACE") == "1";
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
            var traceEvents = new List<JsonElement>();
            var traceDone = new TaskCompletionSource();
            if (trace)
            {
                cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
                {
                    lock (traceEvents)
                    {
                        traceEvents.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
                    }
                };
                cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceDone.TrySetResult();
                await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
                {
                    ["categories"] = "devtools.timeline,loading,v8.execute,blink.user_timing",
                    ["transferMode"] = "ReportEvents",
                });
            }
            await page.GotoAsync(baseAddress.ToString(), new() { WaitUntil = WaitUntilState.Load });
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
            if (trace)
            {
                await cdp.SendAsync("Tracing.end");
                await traceDone.Task.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken);
                lock (traceEvents)
                {
                    report.Add(MainThreadBeforePaint(traceEvents));
                }
            }
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

    /// <summary>The renderer's main-thread time before the first contentful paint, by trace event (KOREATIMELINE_PAINT_TRACE=1).</summary>
    private static string MainThreadBeforePaint(List<JsonElement> events)
    {
        var main = events.Where(e => e.GetProperty("name").GetString() == "thread_name"
                && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
            .Select(e => (Pid: e.GetProperty("pid").GetInt64(), Tid: e.GetProperty("tid").GetInt64())).ToHashSet();
        var paint = events.Where(e => e.GetProperty("name").GetString() == "firstContentfulPaint").Select(e => e.GetProperty("ts").GetDouble()).DefaultIfEmpty(double.MaxValue).Min();
        string[] names = ["ParseHTML", "ParseAuthorStyleSheet", "EvaluateScript", "v8.compile", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "RunTask"];
        var totals = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("dur", out _)
                && main.Contains((e.GetProperty("pid").GetInt64(), e.GetProperty("tid").GetInt64()))
                && e.GetProperty("ts").GetDouble() < paint && names.Contains(e.GetProperty("name").GetString()))
            .GroupBy(e => e.GetProperty("name").GetString()!)
            .Select(g => (Name: g.Key, Ms: g.Sum(e => e.GetProperty("dur").GetDouble()) / 1000))
            .OrderByDescending(t => t.Ms);
        var navigationStart = events.Where(e => e.GetProperty("name").GetString() == "navigationStart").Select(e => e.GetProperty("ts").GetDouble()).DefaultIfEmpty(0).Max();
        var tasks = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("dur", out _)
                && main.Contains((e.GetProperty("pid").GetInt64(), e.GetProperty("tid").GetInt64()))
                && e.GetProperty("ts").GetDouble() < paint && e.GetProperty("ts").GetDouble() >= navigationStart
                && e.GetProperty("dur").GetDouble() > 3000 && e.GetProperty("name").GetString() != "RunTask")
            .OrderBy(e => e.GetProperty("ts").GetDouble())
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.GetProperty("name").GetString()}@{(e.GetProperty("ts").GetDouble() - navigationStart) / 1000:F0}+{e.GetProperty("dur").GetDouble() / 1000:F0}"));
        return "  main thread before the paint: " + string.Join(", ", totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Ms:F1} ms")))
            + string.Create(CultureInfo.InvariantCulture, $"\n  paint at {(paint - navigationStart) / 1000:F0} ms; events over 3 ms (name@start+duration): ") + string.Join(" ", tasks);
    }

    private sealed record BlockingResource(string Url, double DecodedBytes, double ResponseEnd);
}
