using System.Collections.Concurrent;
using System.Data.Common;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Queries;

/// <summary>
/// More invented events than <see cref="TimelineQueries.RankLimit"/>, all with the word "drill" and one frequent actor;
/// every hundredth also has a rare actor. Events are added in date order, so higher ids are newer.
/// </summary>
public sealed class BroadTimelineAppFactory : TimelineAppFactory
{
    public const int Count = TimelineQueries.RankLimit + 150;

    protected override bool SeedSample => false;

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var frequent = new Actor { Slug = "frequent-state", Name = "Frequent State", Kind = "country" };
        var rare = new Actor { Slug = "rare-state", Name = "Rare State", Kind = "country" };
        for (var i = 0; i < Count; i++)
        {
            var day = new DateOnly(2000, 1, 1).AddDays(i / 2);
            var actors = new List<EventActor> { new() { Actor = frequent } };
            if (i % 100 == 0)
            {
                actors.Add(new EventActor { Actor = rare });
            }
            db.Events.Add(new Event
            {
                Title = $"Invented drill {i}", Slug = $"invented-drill-{i}", Type = i % 2 == 0 ? EventType.Exercise : EventType.Statement,
                Start = day, End = day, Precision = DatePrecision.Day, Confidence = 0.5, Actors = actors,
            });
        }
        await db.SaveChangesAsync();
    }
}

/// <summary>How much work a request does: one FTS5 run per search, no counting to notice changes, index walks, interrupts.</summary>
public sealed class QueryWorkTest(BroadTimelineAppFactory app) : IClassFixture<BroadTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The SQL of every EF command with its parameters.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue((command.CommandText, []));
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private (TimelineQueries Queries, CommandRecorder Recorder) Open()
    {
        var recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={app.DatabasePath}").AddInterceptors(recorder).Options;
        return (new TimelineQueries(new PooledDbContextFactory<TimelineDbContext>(options)), recorder);
    }

    private static int MatchRuns(CommandRecorder recorder) =>
        recorder.Commands.Count(c => c.Sql.Contains("0.0 AS Rank FROM EventSearch WHERE EventSearch MATCH", StringComparison.Ordinal));

    [Fact]
    public async Task A_search_runs_its_match_once_for_the_page_the_counts_and_the_next_pages()
    {
        var (queries, recorder) = Open();
        using var _ = queries;
        var filter = new TimelineFilter { Query = "drill", Sort = TimelineSort.Relevance };

        var pageTask = queries.GetPageAsync(filter, Cancellation);
        var facetsTask = queries.GetFacetsAsync(filter, cancellationToken: Cancellation);
        var (page, facets) = (await pageTask, await facetsTask);
        var second = await queries.GetPageAsync(filter with { After = page.Next }, Cancellation);
        var byDate = await queries.GetPageAsync(filter with { Sort = TimelineSort.Newest, Actors = ["frequent-state"] }, Cancellation);
        var actors = await queries.SearchActorsAsync("state", filter, cancellationToken: Cancellation);

        Assert.Equal(1, MatchRuns(recorder));
        Assert.Equal(BroadTimelineAppFactory.Count, page.Total);
        Assert.Equal(BroadTimelineAppFactory.Count, facets.Types.Sum(t => t.Count));
        Assert.Empty(page.Items.Select(i => i.Event.Id).Intersect(second.Items.Select(i => i.Event.Id)));
        Assert.Equal(BroadTimelineAppFactory.Count, byDate.Total);
        Assert.Equal(BroadTimelineAppFactory.Count, actors.Single(a => a.Slug == "frequent-state").Count);
    }

    [Fact]
    public async Task A_broad_search_ranks_only_the_most_recently_added_matches_and_says_so()
    {
        var (queries, _) = Open();
        using var _q = queries;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var newest = (await db.Events.OrderByDescending(e => e.Id).Select(e => e.Id).Take(TimelineQueries.RankLimit).ToListAsync(Cancellation)).ToHashSet();

        var broad = await queries.GetPageAsync(new TimelineFilter { Query = "drill", Sort = TimelineSort.Relevance, Take = 200 }, Cancellation);
        var narrow = await queries.GetPageAsync(new TimelineFilter { Query = "drill", Actors = ["rare-state"], Sort = TimelineSort.Relevance }, Cancellation);

        Assert.Equal(TimelineQueries.RankLimit, broad.Ranked);
        Assert.Equal(BroadTimelineAppFactory.Count, broad.Total);
        Assert.All(broad.Items, i => Assert.Contains(i.Event.Id, newest));
        Assert.Null(narrow.Ranked);
        Assert.Equal((BroadTimelineAppFactory.Count + 99) / 100, narrow.Total);
    }

    [Fact]
    public async Task Pages_of_unchanged_data_count_nothing()
    {
        var (queries, recorder) = Open();
        using var _ = queries;
        await queries.GetPageAsync(new TimelineFilter(), Cancellation);
        recorder.Commands.Clear();

        var page = await queries.GetPageAsync(new TimelineFilter(), Cancellation);
        await queries.GetFacetsAsync(new TimelineFilter { Types = [EventType.Exercise] }, cancellationToken: Cancellation);

        Assert.Equal(BroadTimelineAppFactory.Count, page.Total);
        Assert.DoesNotContain(recorder.Commands, c => c.Sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase) || c.Sql.Contains("MAX(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_frequent_actor_walks_the_date_index_and_a_rare_one_reads_its_own_events()
    {
        var (queries, recorder) = Open();
        using var _ = queries;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var all = await db.Events.OrderByDescending(e => e.Start).ThenByDescending(e => e.Id).Select(e => new { e.Id, Rare = e.Actors.Any(a => a.Actor.Slug == "rare-state") }).ToListAsync(Cancellation);

        var first = await queries.GetPageAsync(new TimelineFilter { Actors = ["frequent-state"] }, Cancellation);
        var walk = recorder.Commands.Last(c => c.Sql.Contains("ORDER BY \"e\".\"Start\" DESC", StringComparison.Ordinal));
        var second = await queries.GetPageAsync(new TimelineFilter { Actors = ["frequent-state"], After = first.Next }, Cancellation);
        var rare = await queries.GetPageAsync(new TimelineFilter { Actors = ["rare-state"] }, Cancellation);
        var read = recorder.Commands.Last(c => c.Sql.Contains("ORDER BY \"e\".\"Start\" DESC", StringComparison.Ordinal));

        Assert.Equal(all.Take(100).Select(e => e.Id), first.Items.Concat(second.Items).Select(i => i.Event.Id));
        Assert.Equal(all.Where(e => e.Rare).Take(50).Select(e => e.Id), rare.Items.Select(i => i.Event.Id));
        var walkPlan = await PlanAsync(walk);
        Assert.Contains("IX_Events_Start_Id", walkPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", walkPlan, StringComparison.Ordinal);
        Assert.Contains("IX_EventActors_ActorId_EventId", await PlanAsync(read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_stops_with_OperationCanceledException()
    {
        var (queries, _) = Open();
        using var _q = queries;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queries.GetPageAsync(new TimelineFilter { Query = "drill" }, cancelled.Token));
    }

    /// <summary>
    /// Holds the facet index load at its read of the actors until released, whatever the caller's token says: as a long
    /// synchronous row read on SQLite does.
    /// </summary>
    private sealed class ActorsReadGate : DbCommandInterceptor
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Actors\" AS", StringComparison.Ordinal) && !command.CommandText.Contains("\"Events\"", StringComparison.Ordinal))
            {
                Entered.TrySetResult();
                await Released.Task;
            }
            return result;
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_permalink_whose_reader_left_stops_waiting_for_the_index_and_another_reader_still_gets_it()
    {
        var gate = new ActorsReadGate();
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={app.DatabasePath}").AddInterceptors(gate).Options;
        using var queries = new TimelineQueries(new PooledDbContextFactory<TimelineDbContext>(options));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var id = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).Skip(100).FirstAsync(Cancellation);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);

        // The first permalink starts the index load; a second one waits for the same load; then the first reader leaves.
        var left = queries.GetNeighboursAsync(id, cancellationToken: leaving.Token);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        var staying = queries.GetNeighboursAsync(id, cancellationToken: Cancellation);
        await leaving.CancelAsync();
        var stopped = await Record.ExceptionAsync(() => left.WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
        gate.Released.TrySetResult();

        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        var neighbours = await staying.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        Assert.NotEmpty(neighbours.Related);
        Assert.NotNull(queries.FacetIndexVersion);
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancelling_interrupts_a_statement_that_is_running()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync(Cancellation);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        using var interrupt = connection.InterruptOn(cancellation.Token);
        await using var command = connection.CreateCommand();
        // Never ends by itself: only the interrupt stops it.
        command.CommandText = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync(CancellationToken.None));

        Assert.True(error.IsInterruptOf(cancellation.Token));
    }

    private async Task<string> PlanAsync((string Sql, (string Name, object? Value)[] Parameters) command)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync(Cancellation);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join('\n', lines);
    }
}

/// <summary>Changes made through another connection, without any notification, are seen by the next call.</summary>
public sealed class DataVersionTest(EmptyTimelineAppFactory app) : IClassFixture<EmptyTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_through_another_connection_changes_the_total_the_counts_and_the_search()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();
        var before = await queries.GetPageAsync(new TimelineFilter { Query = "invented" }, Cancellation);
        var countsBefore = await queries.GetFacetsAsync(new TimelineFilter(), cancellationToken: Cancellation);

        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={app.DatabasePath};Pooling=False").Options;
        await using (var db = new TimelineDbContext(options))
        {
            var day = new DateOnly(2020, 5, 1);
            db.Events.Add(new Event { Title = "An invented launch", Slug = "an-invented-launch", Type = EventType.MissileTest, Start = day, End = day, Precision = DatePrecision.Day, Confidence = 0.5 });
            await db.SaveChangesAsync(Cancellation);
        }
        var after = await queries.GetPageAsync(new TimelineFilter { Query = "invented" }, Cancellation);
        var countsAfter = await queries.GetFacetsAsync(new TimelineFilter(), cancellationToken: Cancellation);

        Assert.Equal(before.Total + 1, after.Total);
        Assert.Contains(after.Items, i => i.Event.Title == "An invented launch");
        Assert.Equal(countsBefore.Types.Sum(t => t.Count) + 1, countsAfter.Types.Sum(t => t.Count));
    }
}
