using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests;

/// <summary>A migrated SQLite file and an article folder in a temporary directory, removed on dispose.</summary>
public sealed class TemporaryDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TemporaryDatabase(string folder, long maxArticleBytes)
    {
        Folder = folder;
        ArticlesPath = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        DatabasePath = Path.Combine(folder, "timeline.db");
        services = new ServiceCollection()
            .AddLogging()
            .AddTimelineData($"Data Source={DatabasePath}")
            .AddSingleton(new ArticleImportOptions(maxArticleBytes))
            .BuildServiceProvider();
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => services;

    public TimelineChanges Changes => services.GetRequiredService<TimelineChanges>();

    public string ArticlesPath { get; }

    public ArticleImporter Importer => services.GetRequiredService<ArticleImporter>();

    public IDbContextFactory<TimelineDbContext> Contexts => services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();

    public static async Task<TemporaryDatabase> CreateAsync(long maxArticleBytes = ArticleFileReader.DefaultMaxBytes)
    {
        var db = new TemporaryDatabase(Path.Combine(Path.GetTempPath(), "koreatimeline-data-tests", Guid.NewGuid().ToString("N")), maxArticleBytes);
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
