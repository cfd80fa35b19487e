using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KoreaTimeline.Benchmarks.Queries;

/// <summary>
/// The timeline's queries on 100,000 synthetic events (or <c>KT_BENCH_EVENTS</c>, e.g. 1000000): the first page
/// (<see cref="Page"/>), the counts beside the filters (<see cref="Facets"/>), both at once as a timeline request runs
/// them (<see cref="Request"/>), and an export's first 2,000 events in batches of 200 (<see cref="Export"/>), for each
/// filter alone and combined, with and without search. Run with:
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- --filter '*TimelineQueryBenchmarks*'</c>.
/// </summary>
[Config(typeof(QueryConfig))]
[MemoryDiagnoser]
public class TimelineQueryBenchmarks
{
    /// <summary>Events in the synthetic database: <c>KT_BENCH_EVENTS</c>, else 100,000.</summary>
    public static int EventCount =>
        int.TryParse(Environment.GetEnvironmentVariable("KT_BENCH_EVENTS"), out var n) && n > 0 ? n : 100_000;

    private static readonly Dictionary<string, TimelineFilter> Scenarios = new()
    {
        ["none"] = new(),
        ["actor"] = new() { Actors = ["kim-jong-un"] },
        ["rare-actor"] = new() { Actors = ["uss-carl-vinson"] },
        ["two-actors"] = new() { Actors = ["north-korea", "united-states"] },
        ["type"] = new() { Types = [EventType.MissileTest, EventType.NuclearTest] },
        ["dates"] = new() { From = new DateOnly(2017, 1, 1), To = new DateOnly(2019, 12, 31) },
        ["oldest"] = new() { Sort = TimelineSort.Oldest },
        ["search"] = new() { Query = "missile", Sort = TimelineSort.Relevance },
        ["search-by-date"] = new() { Query = "missile", Sort = TimelineSort.Newest },
        ["search-prefix-phrase"] = new() { Query = "\"ballistic missile\" pyong*", Sort = TimelineSort.Relevance },
        ["combined"] = new() { Actors = ["north-korea"], Types = [EventType.MissileTest], From = new DateOnly(2010, 1, 1), To = new DateOnly(2026, 12, 31) },
        ["combined-search"] = new() { Query = "launches", Actors = ["north-korea"], Types = [EventType.MissileTest], From = new DateOnly(2010, 1, 1), Sort = TimelineSort.Relevance },
    };

    private TimelineQueries queries = null!;
    private TimelineFilter filter = null!;

    /// <summary>The filter under test, by name (see <see cref="Scenarios"/>).</summary>
    [ParamsSource(nameof(ScenarioNames))]
    public string Scenario { get; set; } = "none";

    public static IEnumerable<string> ScenarioNames => Scenarios.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var path = SyntheticTimeline.EnsureDatabase(EventCount);
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly").Options;
        queries = new TimelineQueries(new PooledDbContextFactory<TimelineDbContext>(options));
        filter = Scenarios[Scenario] with { Take = 50 };
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    [Benchmark]
    public int Page() => queries.GetPageAsync(filter).GetAwaiter().GetResult().Items.Count;

    [Benchmark]
    public int Facets() => queries.GetFacetsAsync(filter).GetAwaiter().GetResult().Types.Count;

    /// <summary>What the timeline page runs for one URL: the page and the counts, at once.</summary>
    [Benchmark]
    public int Request()
    {
        var page = queries.GetPageAsync(filter);
        var facets = queries.GetFacetsAsync(filter);
        Task.WhenAll(page, facets).GetAwaiter().GetResult();
        return page.Result.Items.Count + facets.Result.Types.Count;
    }

    /// <summary>What an export reads for its first 2,000 events: pages of 200 by cursor.</summary>
    [Benchmark]
    public int Export()
    {
        var read = 0;
        string? after = null;
        do
        {
            var page = queries.GetPageAsync(filter with { Take = 200, After = after }).GetAwaiter().GetResult();
            read += page.Items.Count;
            after = page.Next;
        }
        while (after is not null && read < 2_000);
        return read;
    }

    /// <summary>
    /// Enough iterations for a meaningful p95, short warmup, in this process: a generated project per benchmark takes
    /// longer than BenchmarkDotNet's two-minute build timeout on a busy 2-core machine. The hour allows for building the
    /// synthetic database of a million events in the first setup.
    /// </summary>
    private sealed class QueryConfig : ManualConfig
    {
        public QueryConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(20).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
