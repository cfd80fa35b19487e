using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KoreaTimeline.Data;

/// <summary>Creates or upgrades the database.</summary>
public static class TimelineDatabase
{
    /// <summary>
    /// Applies pending migrations (SQLite: and switches the file to WAL so readers never wait for the importer). Before it
    /// migrates a database that already holds tables, it writes a backup and returns its path (null when none was
    /// needed or could be made): SQLite copies the file next to it with <c>VACUUM INTO</c>
    /// (<c>NAME.backup-yyyyMMdd-HHmmss.db</c>); PostgreSQL runs <c>pg_dump</c> into <c>data/</c> when it is installed, and
    /// otherwise logs the command to run.
    /// </summary>
    public static Task<string?> InitializeAsync(IDbContextFactory<TimelineDbContext> contextFactory, CancellationToken cancellationToken = default) =>
        InitializeAsync(contextFactory, NullLogger.Instance, cancellationToken);

    /// <inheritdoc cref="InitializeAsync(IDbContextFactory{TimelineDbContext}, CancellationToken)"/>
    public static async Task<string?> InitializeAsync(
        IDbContextFactory<TimelineDbContext> contextFactory, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.ProviderOf() == DatabaseProvider.Postgres)
        {
            return await InitializePostgresAsync(db, logger, cancellationToken);
        }
        string? backup = null;
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0 && DatabaseFile(db) is { } path && File.Exists(path) && await HasTablesAsync(db, cancellationToken))
        {
            backup = await BackUpAsync(db, path, cancellationToken);
            logger.LogInformation("Backed up {Database} to {Backup} before applying migrations {Migrations}", path, backup, pending);
        }
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        // Fresh statistics let SQLite pick the filter indexes (cheap: it only analyzes what needs it).
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        return backup;
    }

    private static async Task<string?> InitializePostgresAsync(TimelineDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        string? backup = null;
        // An empty database needs no backup (and asking it for pending migrations only logs a missing history table).
        var hasTables = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()").SingleAsync(cancellationToken) > 0;
        var pending = hasTables ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() : [];
        if (pending.Count > 0)
        {
            var folder = Path.Combine(TimelineDataExtensions.ResolveBaseDirectory(Directory.GetCurrentDirectory()), "data");
            backup = await PostgresBackup.DumpAsync(db.Database.GetConnectionString()!, folder, logger, cancellationToken);
            if (backup is not null)
            {
                logger.LogInformation("Backed up the PostgreSQL database to {Backup} before applying migrations {Migrations}", backup, pending);
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        return backup;
    }

    /// <summary>Writes a consistent copy of the database next to <paramref name="path"/> and returns its path.</summary>
    public static async Task<string> BackUpAsync(TimelineDbContext db, string path, CancellationToken cancellationToken = default)
    {
        var stem = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path));
        var backup = $"{stem}.backup-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db";
        for (var n = 2; File.Exists(backup); n++)
        {
            backup = $"{stem}.backup-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{n}.db";
        }
        // VACUUM INTO takes a file name, not a bound parameter; the quotes are doubled.
        var sql = "VACUUM INTO '" + backup.Replace("'", "''", StringComparison.Ordinal) + "';";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        return backup;
    }

    private static string? DatabaseFile(TimelineDbContext db)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    private static async Task<bool> HasTablesAsync(TimelineDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .SingleAsync(cancellationToken) > 0;
}
