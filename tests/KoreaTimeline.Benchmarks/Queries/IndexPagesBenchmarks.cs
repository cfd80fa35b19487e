using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KoreaTimeline.Benchmarks.Queries;

/// <summary>
/// Issue 12's pages on 100,000 synthetic events (5,000 articles): the sources of a page of 50 cards, the actor and article
/// indexes in each sort, and a comparison of two actors (list and axis with a lane each). Run with:
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- --filter '*IndexPagesBenchmarks*'</c>.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class IndexPagesBenchmarks
{
    private TimelineQueries queries = null!;
    private IReadOnlyList<TimelineItem> page = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = SyntheticTimeline.EnsureDatabase(100_000);
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly").Options;
        queries = new TimelineQueries(new PooledDbContextFactory<TimelineDbContext>(options));
        page = queries.GetPageAsync(new TimelineFilter { Take = 50 }).GetAwaiter().GetResult().Items;
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    [Benchmark]
    public int SourcesOfFifty() => queries.WithSourcesAsync(page).GetAwaiter().GetResult().Count;

    [Benchmark]
    [Arguments(ActorIndexSort.Count)]
    [Arguments(ActorIndexSort.Name)]
    [Arguments(ActorIndexSort.Latest)]
    public int Actors(ActorIndexSort sort) => queries.GetActorIndexAsync(null, sort, 1).GetAwaiter().GetResult().Rows.Count;

    [Benchmark]
    public int ActorsSearch() => queries.GetActorIndexAsync("kim", ActorIndexSort.Count, 1).GetAwaiter().GetResult().Rows.Count;

    [Benchmark]
    [Arguments(ArticleIndexSort.Published)]
    [Arguments(ArticleIndexSort.Title)]
    [Arguments(ArticleIndexSort.Count)]
    public int Articles(ArticleIndexSort sort) => queries.GetArticleIndexAsync(null, sort, 40).GetAwaiter().GetResult().Rows.Count;

    [Benchmark]
    public int ArticlesSearch() => queries.GetArticleIndexAsync("wire", ArticleIndexSort.Published, 1).GetAwaiter().GetResult().Rows.Count;

    [Benchmark]
    public int Comparison() => queries.GetComparisonAsync(["kim-jong-un", "donald-trump"], new TimelineFilter()).GetAwaiter().GetResult().Items.Count;

    [Benchmark]
    public int ComparisonAxis() =>
        queries.GetAxisAsync(new TimelineFilter(), new TimeAxisRequest(LaneActors: ["kim-jong-un", "donald-trump"])).GetAwaiter().GetResult().Lanes.Count;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200))
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: false)));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
