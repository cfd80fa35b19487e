using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KoreaTimeline.Benchmarks.Queries;

namespace KoreaTimeline.Benchmarks.Load;

/// <summary>
/// Issue 14's scale measurement of the published app, one provider per run:
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- load --events 100000 --provider Sqlite|Postgres</c>.
/// Builds or reuses the synthetic timeline (<see cref="SyntheticTimeline"/>; PostgreSQL in <see cref="BenchPostgres"/>'s
/// cluster unless <c>--connection</c> names a server), publishes the web app (Release) and starts it on 127.0.0.1
/// against that database, measures the time from process start to the first 200 of <c>/</c> and the RSS, then runs
/// <c>wrk</c> on each scenario twice: one connection for the latency (p50/p95 of requests one at a time) and
/// <c>--connections</c> (default 16) for the throughput, <c>--duration</c> seconds each (default 10), after a 2-second
/// warm-up; the CSV export of <c>--export-rows</c> events (default 100,000) is timed three times in a row. Prints a
/// markdown table. Options: <c>--skip-publish</c> reuses the last published app; <c>--scenarios permalink,search</c> runs
/// only the scenarios whose names contain one of the words; <c>--no-export</c> leaves out the CSV export.
/// </summary>
internal static class LoadCommand
{
    private sealed record Scenario(string Name, IReadOnlyList<string> Paths);

    private sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P95Ms, long Errors);

    public static async Task<int> RunAsync(string[] args)
    {
        var events = int.Parse(Option(args, "--events") ?? "100000", CultureInfo.InvariantCulture);
        var provider = Option(args, "--provider") ?? "Sqlite";
        var duration = int.Parse(Option(args, "--duration") ?? "10", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(args, "--connections") ?? "16", CultureInfo.InvariantCulture);
        var exportRows = int.Parse(Option(args, "--export-rows") ?? "100000", CultureInfo.InvariantCulture);
        var log = Console.Error;
        if (!File.Exists("/usr/bin/wrk"))
        {
            await log.WriteLineAsync("wrk is missing: apt-get install -y wrk");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        string connectionString;
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            provider = "Postgres";
            var server = Option(args, "--connection") ?? await BenchPostgres.EnsureStartedAsync(log);
            connectionString = await SyntheticTimeline.EnsurePostgresAsync(server, events, log);
        }
        else
        {
            provider = "Sqlite";
            connectionString = $"Data Source={SyntheticTimeline.EnsureDatabase(events)}";
        }
        await log.WriteLineAsync($"Database ready in {clock.Elapsed.TotalSeconds:F0} s: {connectionString}");

        var repository = FindRepository();
        // One published app per checkout: several worktrees on one machine do not overwrite each other's.
        var app = Path.Combine(Path.GetTempPath(), $"koreatimeline-bench-app-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(repository)))[..8]}");
        if (!args.Contains("--skip-publish") || !File.Exists(Path.Combine(app, "KoreaTimeline.Web.dll")))
        {
            await log.WriteLineAsync($"Publishing the web app to {app}");
            var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(repository, "src", "KoreaTimeline.Web"), "-c", "Release",
                // For this machine's runtime, as deployed: precompiled (ReadyToRun), framework-dependent.
                "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", app, "--nologo", "-v", "q"]))!;
            await publish.WaitForExitAsync();
            if (publish.ExitCode != 0)
            {
                return publish.ExitCode;
            }
        }

        var seeds = Directory.CreateTempSubdirectory("koreatimeline-bench-seeds-").FullName;
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "KoreaTimeline.Web.dll"), "--urls", baseUrl])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Timeline__Database__Provider"] = provider,
            ["ConnectionStrings__Timeline"] = connectionString,
            ["Timeline__SeedsPath"] = seeds,
            ["Timeline__WatchSeeds"] = "false",
            // The load comes from one address: the per-client limits would answer 429.
            ["Timeline__RateLimit__PermitPerMinute"] = "0",
            ["Timeline__RateLimit__PagesPerMinute"] = "0",
            ["Timeline__ExportLimit"] = exportRows.ToString(CultureInfo.InvariantCulture),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        // --env NAME=VALUE (repeatable): runtime settings to try without a rebuild, e.g. DOTNET_GCConserveMemory=5.
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--env" && args[i + 1].Split('=', 2) is [var name, var setting])
            {
                environment[name] = setting;
            }
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var startedAt = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var loadBefore = LoadAverage();
            var startup = await FirstOkAsync(http, process, startedAt, output);
            var rssAfterStart = Rss(process.Id, "VmRSS");
            // CPU time (user + system) the app spent until then: on a shared machine a steadier figure than the wall clock.
            var startupCpu = CpuSeconds(process.Id);
            await log.WriteLineAsync($"First 200 of / after {startup.TotalSeconds:F2} s ({startupCpu:F1} s of CPU, load average {loadBefore}); RSS {rssAfterStart} MB");

            var only = Option(args, "--scenarios")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var scenarios = (await ScenariosAsync(http))
                .Where(s => only is null || only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
            var rows = new List<string>();
            foreach (var scenario in scenarios)
            {
                var script = WriteScript(scenario.Paths);
                await WrkAsync(baseUrl, script, 1, 4, 2);
                var latency = await WrkAsync(baseUrl, script, 1, 1, duration);
                var load = await WrkAsync(baseUrl, script, 2, connections, duration);
                var line = $"| {scenario.Name} | {latency.P50Ms:F1} | {latency.P95Ms:F1} | {load.Requests / load.Seconds:N0} | {load.P50Ms:F1} | {load.P95Ms:F1} | {latency.Errors + load.Errors} |";
                rows.Add(line);
                await log.WriteLineAsync(line);
            }
            var export = args.Contains("--no-export") ? (Rows: 0, Bytes: 0L, Seconds: (IReadOnlyList<double>)[]) : await ExportAsync(http, log);
            var peak = Rss(process.Id, "VmHWM");
            var end = Rss(process.Id, "VmRSS");

            var table = new StringBuilder();
            table.AppendLine(CultureInfo.InvariantCulture, $"{provider}, {events:N0} events, load average {loadBefore} at the start and {LoadAverage()} at the end{(environment.Keys.Any(k => k.StartsWith("DOTNET_", StringComparison.Ordinal)) ? ", " + string.Join(" ", environment.Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)).Select(e => $"{e.Key}={e.Value}")) : "")}: start-up to first 200 of / {startup.TotalSeconds:F2} s ({startupCpu:F1} s of CPU); RSS {rssAfterStart} MB after start, {end} MB after the load, peak {peak} MB; CSV export of {export.Rows:N0} rows {string.Join(" / ", export.Seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s ({export.Bytes / 1e6:F1} MB).");
            table.AppendLine();
            table.AppendLine(CultureInfo.InvariantCulture, $"| scenario | p50 ms (1 conn.) | p95 ms (1 conn.) | req/s ({connections} conn.) | p50 ms ({connections} conn.) | p95 ms ({connections} conn.) | errors |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                table.AppendLine(row);
            }
            Console.WriteLine(table);
            return 0;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            Directory.Delete(seeds, recursive: true);
        }
    }

    /// <summary>The scenarios of issue 14, with their URLs read from the running app (permalinks, a deep API cursor).</summary>
    private static async Task<IReadOnlyList<Scenario>> ScenariosAsync(HttpClient http)
    {
        // A page in the middle of the API's paging: ten pages in, following `next`.
        var next = "/api/events?limit=50";
        JsonElement page = default;
        for (var i = 0; i < 10; i++)
        {
            page = JsonDocument.Parse(await http.GetStringAsync(next)).RootElement;
            next = new Uri(page.GetProperty("nextUrl").GetString()!).PathAndQuery;
        }
        var permalinks = page.GetProperty("items").EnumerateArray().Select(e => new Uri(e.GetProperty("url").GetString()!).PathAndQuery).ToList();
        return
        [
            new("`/`", ["/"]),
            new("actor (`north-korea`)", ["/?actor=north-korea"]),
            new("type + dates (`exercise`, 2017-2019)", ["/?type=exercise&from=2017-01-01&to=2019-12-31"]),
            new("search, common word (`missile`)", ["/?q=missile"]),
            new("search, rare word (`vinson`)", ["/?q=vinson"]),
            new("combined (`missile` + actor + type + dates)", ["/?q=missile&actor=north-korea&type=missile_test&from=2010-01-01&to=2019-12-31"]),
            new("permalink (50 events in turn)", permalinks),
            new("API page 11 by cursor", [next]),
        ];
    }

    private static async Task<(int Rows, long Bytes, IReadOnlyList<double> Seconds)> ExportAsync(HttpClient http, TextWriter log)
    {
        var times = new List<double>();
        var rows = 0;
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/export/csv", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream);
            rows = -1; // The header line.
            bytes = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                rows++;
                bytes += line.Length + 1;
            }
            times.Add(clock.Elapsed.TotalSeconds);
            await log.WriteLineAsync($"CSV export: {rows:N0} lines in {clock.Elapsed.TotalSeconds:F2} s");
        }
        return (rows, bytes, times);
    }

    private static async Task<TimeSpan> FirstOkAsync(HttpClient http, Process process, Stopwatch startedAt, StringBuilder output)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited ({process.ExitCode}):\n{output}");
            }
            try
            {
                using var response = await http.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return startedAt.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (startedAt.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"No 200 from / within 10 minutes:\n{output}");
            }
            await Task.Delay(50);
        }
    }

    // wrk's own summary at the end of a run, in plain numbers: requests, microseconds, percentiles, errors.
    private static string WriteScript(IReadOnlyList<string> paths)
    {
        var script = Path.Combine(Path.GetTempPath(), $"koreatimeline-bench-{Guid.NewGuid():N}.lua");
        var list = string.Join(", ", paths.Select(p => "\"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        File.WriteAllText(script, $$"""
            local paths = { {{list}} }
            local i = 0
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("KTRESULT %d %d %d %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), e.connect + e.read + e.write + e.status + e.timeout))
            end
            """);
        return script;
    }

    private static async Task<WrkResult> WrkAsync(string baseUrl, string script, int threads, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", "30s", "-s", script, baseUrl]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start)!;
        var text = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("KTRESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result:\n{text}{await wrk.StandardError.ReadToEndAsync()}");
        var n = line.Split(' ')[1..].Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult((long)n[0], n[1] / 1e6, n[2] / 1e3, n[3] / 1e3, (long)n[4]);
    }

    /// <summary>The 1-minute load average (as <c>uptime</c> shows it): how shared the two cores were.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>User and system CPU seconds of the process so far (/proc/PID/stat, clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long Rss(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KoreaTimeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from the repository (KoreaTimeline.sln not found above the benchmarks' folder).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
