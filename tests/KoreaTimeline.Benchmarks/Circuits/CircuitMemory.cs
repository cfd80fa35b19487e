extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using KoreaTimeline.Benchmarks.Queries;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KoreaTimeline.Benchmarks.Circuits;

/// <summary>
/// Memory per open Blazor circuit: serves the app (Production settings) on a loopback socket over a timeline of
/// 512 synthetic events, opens <c>--count</c> pages (default 100) of <c>--path</c> (default <c>/</c>) in one headless
/// Chromium, each a real circuit over a WebSocket, waits until every page is interactive and shows its events, and
/// reports the growth of the server's managed heap after a full, compacting GC (and of the process's RSS) divided by
/// the number of circuits. The server runs in this process, so the heap is the app's heap (Playwright's own objects
/// here are a few KB). Run with:
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- circuits [--count 100] [--path /] [--hold]</c>.
/// <c>--hold</c> waits for Enter with the circuits open, e.g. for <c>dotnet-gcdump collect -p PID</c>.
/// </summary>
internal static class CircuitMemory
{
    private const int Events = 512;

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        // Keeps Chromium from looking up Google hosts on a closed network.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        // A hundred pages share a few renderer processes instead of one each.
        "--renderer-process-limit=8",
        // Pages opened in the background keep their timers and sockets running as the front one does.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "100", CultureInfo.InvariantCulture);
        var path = Option(args, "--path") ?? "/";
        var hold = args.Contains("--hold");
        var chromium = Environment.GetEnvironmentVariable("KOREATIMELINE_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            await Console.Error.WriteLineAsync($"No Chromium at {chromium}: `apt-get install chromium` or set KOREATIMELINE_CHROMIUM.");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("koreatimeline-circuits-").FullName;
        try
        {
            var database = Path.Combine(folder, "timeline.db");
            File.Copy(SyntheticTimeline.EnsureDatabase(Events), database);
            Directory.CreateDirectory(Path.Combine(folder, "seeds"));
            var circuits = new CircuitCounter();
            await using var app = new CircuitMemoryApp(database, Path.Combine(folder, "seeds"), circuits);
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var baseAddress = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = LaunchArgs });
            var context = await browser.NewContextAsync(new() { BaseURL = baseAddress, ViewportSize = new() { Width = 1280, Height = 900 } });

            // Warm up with a few circuits (JIT, DI's compiled resolvers, pools, the facet index, shared caches), then close
            // them: what stays is shared by all circuits, and the measure is what each further circuit adds.
            var warmUp = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync(context, path)));
            var cards = await warmUp[0].Locator(".event-card").CountAsync();
            foreach (var page in warmUp)
            {
                await page.CloseAsync();
            }
            await WaitForAsync(() => circuits.Open == 0, TimeSpan.FromSeconds(30));

            var (heapBefore, rssBefore) = Measure();
            var pages = new List<IPage>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i += 4)
            {
                pages.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(4, count - i)).Select(_ => OpenAsync(context, path))));
            }
            // Every circuit open and every render batch acknowledged before measuring.
            await WaitForAsync(() => circuits.Open == count, TimeSpan.FromSeconds(60));
            await Task.Delay(2000);
            var (heapAfter, rssAfter) = Measure();
            var open = circuits.Open;

            Console.WriteLine($"Path {path}: {Events} events in the database, {cards} event cards on each page; {count} pages opened in {clock.Elapsed.TotalSeconds:F0} s.");
            Console.WriteLine($"Open circuits: {open}");
            Console.WriteLine($"Managed heap after full GC: {Mb(heapBefore)} -> {Mb(heapAfter)} MB; per circuit {Kb((heapAfter - heapBefore) / Math.Max(1, open))} KB");
            Console.WriteLine($"Process RSS: {Mb(rssBefore)} -> {Mb(rssAfter)} MB; per circuit {Kb((rssAfter - rssBefore) / Math.Max(1, open))} KB");
            if (hold)
            {
                Console.WriteLine($"Holding the circuits open; process id {Environment.ProcessId}. Press Enter to stop.");
                Console.ReadLine();
            }
            foreach (var page in pages)
            {
                await page.CloseAsync();
            }
            return open == count ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open: the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // MainLayout renders this marker only once the circuit runs.
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.Locator(".event-card").First.WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    private static (long Heap, long Rss) Measure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(100);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Counts the circuits the server holds open.</summary>
    private sealed class CircuitCounter : CircuitHandler
    {
        private int open;

        public int Open => Volatile.Read(ref open);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }

    /// <summary>The app as deployed (Production), on the given database, with no seeds and no limit on circuits per client.</summary>
    private sealed class CircuitMemoryApp(string database, string seeds, CircuitCounter circuits) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot("src/KoreaTimeline.Web");
            // MudBlazor's files from the build output, as a published app serves them.
            builder.UseStaticWebAssets();
            builder.UseSetting("ConnectionStrings:Timeline", $"Data Source={database}");
            builder.UseSetting("Timeline:SeedsPath", seeds);
            builder.UseSetting("Timeline:WatchSeeds", "false");
            builder.UseSetting("Timeline:RateLimit:MaxCircuitsPerClient", "0");
            builder.UseSetting("Timeline:RateLimit:PagesPerMinute", "0");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureServices(services => services.AddSingleton<CircuitHandler>(circuits));
        }
    }
}
