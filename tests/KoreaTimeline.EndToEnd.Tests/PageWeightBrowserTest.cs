using System.Text.Json;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// What a first visit to <c>/</c> transfers (issue 12: at most 300 KB), read from Chromium's network events: every HTTP
/// response's encoded bytes (headers and compressed body) until the circuit is interactive, with an empty cache.
/// Set <c>KOREATIMELINE_MEASURE_URL</c> to measure a running app (the published Release build) instead of the test host.
/// </summary>
public sealed class PageWeightBrowserTest
{
    /// <summary>The budget for a first visit.</summary>
    public const long BudgetBytes = 300 * 1024;

    [Fact]
    public async Task A_first_visit_to_the_timeline_transfers_at_most_300_KB()
    {
        var chromium = BrowserHost.RequireChromium();
        var external = Environment.GetEnvironmentVariable("KOREATIMELINE_MEASURE_URL");
        await using var app = external is null ? new LargeTimelineAppFactory() : null;
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
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var urls = new Dictionary<string, string>();
        var sizes = new List<(string Url, long Bytes)>();
        long socketBytes = 0;
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                lock (urls)
                {
                    urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("response").GetProperty("url").GetString()!;
                }
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                lock (urls)
                {
                    var id = json.GetProperty("requestId").GetString()!;
                    sizes.Add((urls.GetValueOrDefault(id, id), (long)json.GetProperty("encodedDataLength").GetDouble()));
                }
            }
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                Interlocked.Add(ref socketBytes, json.GetProperty("response").GetProperty("payloadData").GetString()!.Length);
            }
        };
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });

        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForTimeoutAsync(1_000);

        List<(string Url, long Bytes)> measured;
        lock (urls)
        {
            measured = [.. sizes];
        }
        var total = measured.Sum(s => s.Bytes);
        // First contentful paint, reported beside the bytes (issue 12 asks for at most 300 ms on loopback); a figure to
        // read on a quiet machine, not asserted: a timed test fails on a loaded one.
        var paint = await page.EvaluateAsync<double?>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null");
        var report = string.Join("\n", measured.OrderByDescending(s => s.Bytes).Select(s => $"{s.Bytes,9:N0}  {s.Url}"))
            + $"\n{total,9:N0}  HTTP in all ({measured.Count} responses); WebSocket frames received: {socketBytes:N0} characters"
            + $"\nfirst contentful paint: {(paint is { } ms ? $"{ms:N0} ms" : "not reported")}";
        Xunit.TestContext.Current.SendDiagnosticMessage(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "koreatimeline-page-weight.txt"), report, Xunit.TestContext.Current.CancellationToken);
        Assert.True(total <= BudgetBytes, report);
    }
}
