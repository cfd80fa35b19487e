extern alias web;
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
using TimeAxisSvg = web::KoreaTimeline.Web.Components.Timeline.TimeAxisSvg;

namespace KoreaTimeline.Benchmarks.Queries;

/// <summary>
/// The time axis on the synthetic timeline of 100,000 events (<c>KT_BENCH_EVENTS</c>): its query (the view binned in
/// the facet index, titles of the events drawn one by one), its SVG, and both, for the newest 10,000 events in view
/// and for all of them, in one lane and in lanes by type. The setup prints each view's total and SVG size. Run with:
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- --filter '*TimeAxisBenchmarks*'</c>.
/// </summary>
[Config(typeof(AxisConfig))]
[MemoryDiagnoser]
public class TimeAxisBenchmarks
{
    private TimelineQueries queries = null!;
    private TimelineFilter filter = null!;
    private TimeAxisRequest request = null!;
    private TimeAxisData data = null!;

    /// <summary>Events in view: the newest this many (or every event when it is as many as the database holds).</summary>
    [Params(10_000, 100_000)]
    public int InView { get; set; }

    /// <summary>One lane per event type.</summary>
    [Params(false, true)]
    public bool Lanes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = SyntheticTimeline.EnsureDatabase(TimelineQueryBenchmarks.EventCount);
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly").Options;
        var factory = new PooledDbContextFactory<TimelineDbContext>(options);
        queries = new TimelineQueries(factory);
        filter = new TimelineFilter();
        if (InView < TimelineQueryBenchmarks.EventCount)
        {
            using var db = factory.CreateDbContext();
            var from = db.Events.OrderByDescending(e => e.Start).Skip(InView - 1).Select(e => e.Start).First();
            var to = db.Events.Max(e => e.End);
            filter = new TimelineFilter { From = from, To = to };
        }
        request = new TimeAxisRequest(LanesByType: Lanes);
        data = queries.GetAxisAsync(filter, request).GetAwaiter().GetResult();
        var svg = TimeAxisSvg.Render(data, Url);
        Console.WriteLine($"// Axis {data.From:yyyy-MM-dd}..{data.To:yyyy-MM-dd} by {data.Scale.Unit}: {data.Total:N0} events in view, "
            + $"{data.Lanes.Count} lanes, {data.Clusters.Count} clusters, {data.Events.Count} events drawn, SVG {System.Text.Encoding.UTF8.GetByteCount(svg):N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        queries.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static string Url(DateOnly from, DateOnly to) => $"/?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    /// <summary>The view binned and the sparse slices' events read.</summary>
    [Benchmark]
    public int Query() => queries.GetAxisAsync(filter, request).GetAwaiter().GetResult().Total;

    /// <summary>The SVG markup of the binned view.</summary>
    [Benchmark]
    public int Svg() => TimeAxisSvg.Render(data, Url).Length;

    /// <summary>What a page pays for its axis: the query, then the SVG.</summary>
    [Benchmark]
    public int Axis() => TimeAxisSvg.Render(queries.GetAxisAsync(filter, request).GetAwaiter().GetResult(), Url).Length;

    private sealed class AxisConfig : ManualConfig
    {
        public AxisConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
