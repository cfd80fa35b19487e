using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KoreaTimeline.Tests.Shared;

/// <summary>
/// A private PostgreSQL cluster for the tests of one process: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c>
/// on a free port of 127.0.0.1 with its unix socket in that folder, stopped and deleted when the process exits. Each
/// test takes a database of its own (<see cref="CreateDatabaseAsync"/>). As root, initdb refuses to run, so the
/// cluster runs as the unprivileged <c>postgres</c> (else <c>nobody</c>) user through <c>runuser</c>.
/// </summary>
/// <remarks>
/// Where PostgreSQL is not installed (Debian's binaries in <c>/usr/lib/postgresql/VERSION/bin</c>) the tests that need
/// it skip, saying so; with <c>KOREATIMELINE_REQUIRE_POSTGRES=1</c> (CI) they fail instead.
/// </remarks>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string folder;
    private readonly string binaries;
    private readonly string? runAs;
    private int databases;

    private PostgresServer(string folder, string binaries, string? runAs, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.runAs = runAs;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>True where PostgreSQL's binaries are installed.</summary>
    public static bool IsInstalled => FindBinaries() is not null;

    /// <summary>
    /// Skips the calling test where PostgreSQL is not installed, saying so; with <c>KOREATIMELINE_REQUIRE_POSTGRES=1</c>
    /// (CI) fails it instead. Call it from a test or a test class's constructor.
    /// </summary>
    public static void SkipUnlessInstalled()
    {
        if (IsInstalled)
        {
            return;
        }
        const string Missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql to run the PostgreSQL tests.";
        if (Environment.GetEnvironmentVariable("KOREATIMELINE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail(Missing + " KOREATIMELINE_REQUIRE_POSTGRES=1 makes this a failure.");
        }
        Assert.Skip(Missing);
    }

    /// <summary>The server of this test process, started on first use; skips (or fails, in CI) the calling test when PostgreSQL is missing.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        SkipUnlessInstalled();
        return await Shared.Value;
    }

    /// <summary>A connection string to a new, empty database of this server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"kt_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 30 }.ConnectionString;

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries()!;
        var folder = Directory.CreateTempSubdirectory("koreatimeline-pg-").FullName;
        var runAs = Environment.UserName == "root" ? UnprivilegedUser() : null;
        var server = new PostgresServer(folder, binaries, runAs, FreePort());
        if (runAs is not null)
        {
            await server.RunAsync("chown", false, runAs, folder);
        }
        await server.RunAsync(Path.Combine(binaries, "initdb"), true,
            "-D", Path.Combine(folder, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        // No durability needed: fsync and synchronous commits off make a test cluster several times faster.
        await server.RunAsync(Path.Combine(binaries, "pg_ctl"), true,
            "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunAsync(Path.Combine(binaries, "pg_ctl"), true, "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static string UnprivilegedUser() =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, bool asServerUser, params string[] arguments)
    {
        var start = asServerUser && runAs is not null ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (asServerUser && runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(folder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}
