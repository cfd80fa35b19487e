using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KoreaTimeline.Data;

/// <summary>A backup of a PostgreSQL timeline with <c>pg_dump</c> (custom format, for <c>pg_restore</c>) before a migration.</summary>
public static class PostgresBackup
{
    /// <summary>
    /// Dumps the database of <paramref name="connectionString"/> into <paramref name="folder"/>
    /// (<c>DATABASE.backup-yyyyMMdd-HHmmss.dump</c>) and returns the file; null, with a warning that gives the command to
    /// run by hand, when <c>pg_dump</c> is not installed or fails.
    /// </summary>
    public static async Task<string?> DumpAsync(string connectionString, string folder, ILogger logger, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var manual = $"pg_dump -Fc -h {builder.Host} -p {builder.Port} -U {builder.Username} -f koreatimeline.dump {builder.Database}";
        var pgDump = FindOnPath("pg_dump");
        if (pgDump is null)
        {
            logger.LogWarning("pg_dump is not installed here, so no backup was made before migrating; back up with: {Command}", manual);
            return null;
        }
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{builder.Database ?? "koreatimeline"}.backup-{DateTime.UtcNow:yyyyMMdd-HHmmss}.dump");
        var start = new ProcessStartInfo(pgDump) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-Fc", "-f", file, "-h", builder.Host ?? "localhost", "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        if (builder.Username is { } user)
        {
            start.ArgumentList.Add("-U");
            start.ArgumentList.Add(user);
        }
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add(builder.Database ?? "");
        if (builder.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            logger.LogWarning("pg_dump failed ({Error}), so no backup was made before migrating; back up with: {Command}", (await errors).Trim(), manual);
            return null;
        }
        return file;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
