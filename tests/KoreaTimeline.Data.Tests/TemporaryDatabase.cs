using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests;

/// <summary>
/// A migrated database and an article folder in a temporary directory, removed on dispose: a SQLite file, or a database
/// of its own on the tests' private PostgreSQL server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly PostgresServer? server;

    private TemporaryDatabase(string folder, long maxArticleBytes, DatabaseProvider provider, PostgresServer? server, string? connectionString)
    {
        Folder = folder;
        Provider = provider;
        this.server = server;
        ArticlesPath = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        DatabasePath = Path.Combine(folder, "timeline.db");
        ConnectionString = connectionString ?? $"Data Source={DatabasePath}";
        services = new ServiceCollection()
            .AddLogging()
            .AddTimelineData(ConnectionString, provider: provider)
            .AddSingleton(new ArticleImportOptions(maxArticleBytes))
            .BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The database's connection string (of the provider).</summary>
    public string ConnectionString { get; }

    public string Folder { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => services;

    public TimelineChanges Changes => services.GetRequiredService<TimelineChanges>();

    public string ArticlesPath { get; }

    public ArticleImporter Importer => services.GetRequiredService<ArticleImporter>();

    public IDbContextFactory<TimelineDbContext> Contexts => services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();

    public static async Task<TemporaryDatabase> CreateAsync(long maxArticleBytes = ArticleFileReader.DefaultMaxBytes) =>
        await CreateAsync(DatabaseProvider.Sqlite, maxArticleBytes);

    /// <summary>A migrated database of <paramref name="provider"/>; on PostgreSQL, skips (or fails in CI) where it is not installed.</summary>
    public static async Task<TemporaryDatabase> CreateAsync(DatabaseProvider provider, long maxArticleBytes = ArticleFileReader.DefaultMaxBytes)
    {
        var server = provider == DatabaseProvider.Postgres ? await PostgresServer.GetAsync() : null;
        var connectionString = server is null ? null : await server.CreateDatabaseAsync();
        var db = new TemporaryDatabase(Path.Combine(Path.GetTempPath(), "koreatimeline-data-tests", Guid.NewGuid().ToString("N")), maxArticleBytes,
            provider, server, connectionString);
        await TimelineDatabase.InitializeAsync(db.Contexts, Xunit.TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Writes an article file (and its sidecar, when given) into <see cref="ArticlesPath"/>.</summary>
    public string WriteArticle(string name, string text, string? sidecarJson = null)
    {
        var path = Path.Combine(ArticlesPath, name);
        File.WriteAllText(path, text);
        if (sidecarJson is not null)
        {
            File.WriteAllText(ArticleFileReader.SidecarPath(path), sidecarJson);
        }
        return path;
    }

    public async Task<(int Articles, int Events, int Evidence, int Actors)> CountsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Articles.CountAsync(), await db.Events.CountAsync(), await db.Evidence.CountAsync(), await db.Actors.CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (server is not null)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
