using System.Diagnostics;
using Npgsql;

namespace KoreaTimeline.Benchmarks.Load;

/// <summary>
/// A PostgreSQL cluster for the load measurements, kept between runs so a filled database is reused: Debian's binaries,
/// <c>initdb</c> into <c>{temp}/koreatimeline-bench-pg</c> (as the <c>postgres</c> user when run as root), started on
/// 127.0.0.1 at <see cref="Port"/> if it is not running. Settings are PostgreSQL's defaults except durability
/// (fsync and synchronous commit off: these measurements read) and 200 connections.
/// </summary>
internal static class BenchPostgres
{
    public const int Port = 55432;

    public static string Folder => Path.Combine(Path.GetTempPath(), "koreatimeline-bench-pg");

    /// <summary>Starts the cluster (creating it the first time) and returns a connection string to its <c>postgres</c> database.</summary>
    public static async Task<string> EnsureStartedAsync(TextWriter log)
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or pass --connection.");
        }
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var data = Path.Combine(Folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            Directory.CreateDirectory(Folder);
            if (runAs is not null)
            {
                await RunAsync("chown", null, runAs, Folder);
            }
            log.WriteLine($"Creating the benchmark cluster in {data}");
            await RunAsync(Path.Combine(binaries, "initdb"), runAs, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        }
        if (await RunAsync(Path.Combine(binaries, "pg_ctl"), runAs, throwOnError: false, "-D", data, "status") != 0)
        {
            log.WriteLine($"Starting the benchmark cluster on 127.0.0.1:{Port}");
            await RunAsync(Path.Combine(binaries, "pg_ctl"), runAs, "-D", data, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "120", "start", "-o",
                $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        }
        return new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres" }.ConnectionString;
    }

    private static Task<int> RunAsync(string program, string? runAs, params string[] arguments) => RunAsync(program, runAs, true, arguments);

    private static async Task<int> RunAsync(string program, string? runAs, bool throwOnError, params string[] arguments)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (runAs is null ? [] : new[] { "-u", runAs, "--", program }).Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
        return process.ExitCode;
    }
}
