using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests;

public sealed class TimelineDatabaseTest : IAsyncDisposable
{
    private readonly string folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "koreatimeline-db-tests", Guid.NewGuid().ToString("N"))).FullName;

    private readonly ServiceProvider services;

    public TimelineDatabaseTest() =>
        services = new ServiceCollection().AddTimelineData($"Data Source={DatabasePath}").BuildServiceProvider();

    private string DatabasePath => Path.Combine(folder, "timeline.db");

    private IDbContextFactory<TimelineDbContext> Contexts => services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_database_is_created_without_a_backup_and_in_wal_mode()
    {
        var backup = await TimelineDatabase.InitializeAsync(Contexts, Cancellation);

        Assert.Null(backup);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.backup-*"));
        await using var context = await Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal("wal", (await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Cancellation)).Single());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancellation));
    }

    [Fact]
    public async Task An_existing_database_is_copied_next_to_it_before_migrations_are_applied()
    {
        // A database that holds data but lacks the migrations (as an older version of the app would leave it).
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('kept');";
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        var backup = await TimelineDatabase.InitializeAsync(Contexts, Cancellation);

        Assert.NotNull(backup);
        Assert.Equal(folder, Path.GetDirectoryName(backup));
        Assert.StartsWith("timeline.backup-", Path.GetFileName(backup), StringComparison.Ordinal);
        await using (var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync(Cancellation);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT Text FROM Notes;";
            Assert.Equal("kept", await command.ExecuteScalarAsync(Cancellation));
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'Articles';";
            Assert.Equal(0L, await command.ExecuteScalarAsync(Cancellation));
        }
        await using (var context = await Contexts.CreateDbContextAsync(Cancellation))
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancellation));
            Assert.Equal(0, await context.Articles.CountAsync(Cancellation));
        }

        // Up to date now: no second copy.
        Assert.Null(await TimelineDatabase.InitializeAsync(Contexts, Cancellation));
        Assert.Single(Directory.EnumerateFiles(folder, "*.backup-*"));
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
