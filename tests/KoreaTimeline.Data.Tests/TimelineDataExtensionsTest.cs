using KoreaTimeline.Data.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KoreaTimeline.Data.Tests;

public sealed class TimelineDataExtensionsTest
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddTimelineData("Data Source=:memory:")
            .AddTimelineSeedImport(configuration, "/srv/timeline")
            .BuildServiceProvider();
    }

    [Fact]
    public void The_seeds_folder_is_imported_and_watched_by_default()
    {
        using var services = Build([]);

        Assert.Equal(Path.GetFullPath("/srv/timeline/seeds"), services.GetRequiredService<SeedOptions>().SeedsPath);
        Assert.Equal(ArticleFileReader.DefaultMaxBytes, services.GetRequiredService<ArticleImportOptions>().MaxArticleBytes);
        var hosted = services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.Equal([typeof(SeedImportService), typeof(SeedWatcherService)], hosted);
    }

    [Fact]
    public void Configuration_sets_the_folder_the_size_limit_and_turns_the_watcher_off()
    {
        using var services = Build(new()
        {
            ["Timeline:SeedsPath"] = "articles",
            ["Timeline:WatchSeeds"] = "false",
            ["Timeline:MaxArticleBytes"] = "4096",
        });

        Assert.Equal(Path.GetFullPath("/srv/timeline/articles"), services.GetRequiredService<SeedOptions>().SeedsPath);
        Assert.Equal(4096, services.GetRequiredService<ArticleImportOptions>().MaxArticleBytes);
        Assert.Equal([typeof(SeedImportService)], services.GetServices<IHostedService>().Select(s => s.GetType()));
    }

    [Fact]
    public void The_connection_string_gets_an_absolute_path_and_a_busy_timeout()
    {
        var folder = Path.Combine(Path.GetTempPath(), "koreatimeline-cs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var normalized = TimelineDataExtensions.NormalizeConnectionString("Data Source=data/x.db", folder);

            Assert.Contains($"Data Source={Path.Combine(folder, "data", "x.db")}", normalized, StringComparison.Ordinal);
            Assert.Contains("Default Timeout=30", normalized, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(folder, "data")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
