using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data;

/// <summary>Creates or upgrades the database.</summary>
public static class TimelineDatabase
{
    /// <summary>Applies pending migrations and switches the file to WAL so readers never wait for the importer.</summary>
    public static async Task InitializeAsync(IDbContextFactory<TimelineDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
