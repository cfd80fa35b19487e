using KoreaTimeline.Data.Import;
using KoreaTimeline.Data.Tests.Import;
using KoreaTimeline.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KoreaTimeline.Data.Tests;

/// <summary>Choosing the provider, its errors, and what PostgreSQL adds for several machines.</summary>
public sealed class DatabaseProviderTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    public void The_setting_names_the_provider(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(value));

    [Fact]
    public void An_unknown_provider_is_an_error_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse("mysql"));
        Assert.Contains("Timeline:Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mysql'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Data Source=data/koreatimeline.db")]
    [InlineData("Database=koreatimeline")]
    public void A_missing_or_sqlite_connection_string_on_postgres_is_an_error_naming_the_setting(string? connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTimelineData(connectionString, provider: DatabaseProvider.Postgres));
        Assert.Contains("ConnectionStrings:Timeline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_from_two_machines_at_once_store_each_article_and_actor_once()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        GeneratedArticles.Write(db.ArticlesPath, 8);
        // A second machine: its own services and connection pool on the same database.
        await using var other = new ServiceCollection().AddLogging().AddTimelineData(db.ConnectionString, provider: DatabaseProvider.Postgres)
            .AddSingleton(new ArticleImportOptions()).BuildServiceProvider();

        var both = await Task.WhenAll(
            Task.Run(() => db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation), Cancellation),
            Task.Run(() => other.GetRequiredService<ArticleImporter>().ImportFolderAsync(db.ArticlesPath, Cancellation), Cancellation));

        Assert.All(both.SelectMany(r => r), r => Assert.NotEqual(ImportStatus.Failed, r.Status));
        Assert.Equal(8, both.SelectMany(r => r).Count(r => r.Status == ImportStatus.New));
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal(8, await context.Articles.CountAsync(Cancellation));
        var slugs = await context.Actors.Select(a => a.Slug).ToListAsync(Cancellation);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        // Every event is indexed for search, whichever machine wrote it.
        var indexed = await context.Database.SqlQuery<int>($"SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"EventSearch\"").SingleAsync(Cancellation);
        Assert.Equal(await context.Events.CountAsync(Cancellation), indexed);
    }

    [Fact]
    public async Task Pg_dump_backs_up_a_postgres_database()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        var folder = Path.Combine(db.Folder, "backups");

        var backup = await PostgresBackup.DumpAsync(db.ConnectionString, folder, NullLogger.Instance, Cancellation);

        Assert.NotNull(backup);
        Assert.StartsWith(folder, backup, StringComparison.Ordinal);
        // pg_dump's custom format starts with "PGDMP".
        Assert.Equal("PGDMP"u8.ToArray(), File.ReadAllBytes(backup).Take(5).ToArray());
    }
}
