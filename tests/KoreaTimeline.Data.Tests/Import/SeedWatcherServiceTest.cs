using KoreaTimeline.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KoreaTimeline.Data.Tests.Import;

public sealed class SeedWatcherServiceTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_article_dropped_into_the_watched_folder_is_imported_and_pages_are_told(bool poll)
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        db.Changes.Changed += () => told.TrySetResult();
        using var watcher = new SeedWatcherService(
            db.Services.GetRequiredService<ArticleImporter>(), new SeedOptions(db.ArticlesPath, DebounceMilliseconds: 200, Poll: poll),
            NullLogger<SeedWatcherService>.Instance);
        await watcher.StartAsync(Cancellation);
        try
        {
            await watcher.Watching.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

            Directory.CreateDirectory(Path.Combine(db.ArticlesPath, "2025"));
            File.WriteAllText(Path.Combine(db.ArticlesPath, "2025", "launch.meta.json"), """{"published": "2025-03-12"}""");
            File.WriteAllText(Path.Combine(db.ArticlesPath, "2025", "launch.txt"), "North Korea fired a ballistic missile into the sea on Tuesday.");

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
                var launch = await context.Events.Where(e => e.Evidence.Any(v => v.Article.Source == "2025/launch.txt"))
                    .Select(e => (DateOnly?)e.Start).FirstOrDefaultAsync(Cancellation);
                if (launch is not null)
                {
                    Assert.Equal(new DateOnly(2025, 3, 11), launch);
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, $"the dropped article was not imported in time ({watcher.ExecuteTask?.Exception?.Message})");
                await Task.Delay(100, Cancellation);
            }

            // A changed file replaces its events.
            File.WriteAllText(Path.Combine(db.ArticlesPath, "2025", "launch.txt"), "North Korea fired a ballistic missile into the sea on Monday.");
            deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
                var starts = await context.Events.Select(e => e.Start).ToListAsync(Cancellation);
                if (starts.SequenceEqual([new DateOnly(2025, 3, 10)]))
                {
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, $"the changed article was not imported in time ({string.Join(", ", starts)})");
                await Task.Delay(100, Cancellation);
            }
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
        Assert.True(told.Task.IsCompleted, "open pages were not told of the import");
    }
}
