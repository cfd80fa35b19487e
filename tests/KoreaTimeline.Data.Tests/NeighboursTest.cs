using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests;

/// <summary>
/// An event's neighbours, read from the facet index: a related event may start long before the window when its interval
/// reaches into it; previous and next follow (Start, Id). NeighboursPostgresTest runs them again on PostgreSQL.
/// </summary>
public class NeighboursTest
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_long_event_reaching_into_the_window_is_related_and_a_far_one_is_not()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        int year, launch, far, unrelated, later;
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            var north = new Actor { Slug = "north-korea", Name = "North Korea", Kind = "country" };
            var japan = new Actor { Slug = "japan", Name = "Japan", Kind = "country" };
            Event Add(string title, DateOnly start, DateOnly end, params Actor[] actors)
            {
                var e = new Event { Title = title, Slug = Slugs.From(title), Type = EventType.Other, Start = start, End = end, Precision = DatePrecision.Day };
                e.Actors.AddRange(actors.Select(a => new EventActor { Actor = a }));
                context.Events.Add(e);
                return e;
            }
            var yearLong = Add("A year of tension", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), north);
            var theLaunch = Add("A launch", new DateOnly(2020, 12, 15), new DateOnly(2020, 12, 15), north);
            var farAway = Add("An old launch", new DateOnly(2019, 6, 1), new DateOnly(2019, 6, 1), north);
            var other = Add("A Japanese statement", new DateOnly(2020, 12, 16), new DateOnly(2020, 12, 16), japan);
            var after = Add("A later launch", new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 1), north);
            await context.SaveChangesAsync(Cancellation);
            (year, launch, far, unrelated, later) = (yearLong.Id, theLaunch.Id, farAway.Id, other.Id, after.Id);
        }

        var queries = db.Services.GetRequiredService<TimelineQueries>();
        var n = await queries.GetNeighboursAsync(launch, cancellationToken: Cancellation);

        Assert.Equal([year], n.Related.Select(r => r.Event.Id));
        Assert.Equal(year, n.Previous!.Id);
        Assert.Equal(unrelated, n.Next!.Id);
        Assert.DoesNotContain(n.Related, r => r.Event.Id == far || r.Event.Id == later);
        Assert.Empty((await queries.GetNeighboursAsync(999_999, cancellationToken: Cancellation)).Related);
    }
}

public sealed class NeighboursPostgresTest : NeighboursTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
