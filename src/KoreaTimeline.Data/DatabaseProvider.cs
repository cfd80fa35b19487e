using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data;

/// <summary>The database engine behind the timeline: SQLite embedded (the default), or PostgreSQL for several web nodes.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file in WAL mode; FTS5 search.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several nodes; tsvector search, LISTEN/NOTIFY live updates.</summary>
    Postgres,
}

/// <summary>Choosing and configuring the <see cref="DatabaseProvider"/>.</summary>
public static class DatabaseProviders
{
    /// <summary>The configuration key that chooses the provider.</summary>
    public const string SettingName = "Timeline:Database:Provider";

    /// <summary>The assembly holding the PostgreSQL migrations (the SQLite ones live in this assembly).</summary>
    public const string PostgresMigrationsAssembly = "KoreaTimeline.Data.Postgres";

    /// <summary>The provider a setting names (case-insensitive; empty is SQLite); anything else is an error naming the setting.</summary>
    public static DatabaseProvider Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{SettingName} must be Sqlite or Postgres, not '{value}'."),
    };

    /// <summary>Points <paramref name="options"/> at the database, with the provider's own migrations.</summary>
    public static DbContextOptionsBuilder UseTimelineDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)).AddInterceptors(new TimelineWriteLock())
            : options.UseSqlite(connectionString);

    /// <summary>The provider of an open context.</summary>
    public static DatabaseProvider ProviderOf(this TimelineDbContext db) =>
        db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
