using BenchmarkDotNet.Attributes;
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
/// The in-memory facet index on the synthetic timeline (<c>KT_BENCH_EVENTS</c>, else 100,000): how long a rebuild
/// takes (after an import) and what it allocates; the setup prints what it keeps (<c>retained</c>, after a full GC).
/// <c>dotnet run -c Release --project tests/KoreaTimeline.Benchmarks -- --filter '*FacetIndexBenchmarks*'</c>.
/// </summary>
[Config(typeof(LoadConfig))]
[MemoryDiagnoser]
public class FacetIndexBenchmarks
{
    private PooledDbContextFactory<TimelineDbContext> factory = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = SyntheticTimeline.EnsureDatabase(TimelineQueryBenchmarks.EventCount);
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly").Options;
        factory = new PooledDbContextFactory<TimelineDbContext>(options);
        Load();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var queries = new TimelineQueries(factory);
        queries.GetFacetsAsync(new TimelineFilter()).GetAwaiter().GetResult();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(queries);
        Console.WriteLine($"// Facet index retained: {(after - before) / 1024.0 / 1024.0:F1} MB for {TimelineQueryBenchmarks.EventCount:N0} events");
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    /// <summary>A fresh index: the first request after start or after an import.</summary>
    [Benchmark]
    public int Load()
    {
        using var queries = new TimelineQueries(factory);
        return queries.GetFacetsAsync(new TimelineFilter()).GetAwaiter().GetResult().Types.Count;
    }

    private sealed class LoadConfig : ManualConfig
    {
        public LoadConfig() =>
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }
}
