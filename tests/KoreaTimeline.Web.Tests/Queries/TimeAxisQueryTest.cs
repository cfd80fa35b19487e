using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Queries;

/// <summary>The time axis's query on the invented timeline: the same events as the list, binned by calendar slices.</summary>
public sealed class TimeAxisQueryTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private TimelineQueries Queries => app.Services.GetRequiredService<TimelineQueries>();

    [Fact]
    public async Task Without_dates_the_axis_spans_the_events_and_counts_them_all()
    {
        var axis = await Queries.GetAxisAsync(new TimelineFilter(), new TimeAxisRequest(), Cancellation);

        Assert.Equal(new DateOnly(2017, 8, 8), axis.From);
        Assert.Equal(new DateOnly(2022, 11, 2), axis.To);
        Assert.Equal(InventedTimeline.Specs.Count, axis.Total);
        // Five years in quarters: no slice holds more than three events, so every event is drawn on its own.
        Assert.Equal(AxisUnit.Quarter, axis.Scale.Unit);
        Assert.Empty(axis.Clusters);
        Assert.Equal(InventedTimeline.Specs.Select(s => s.Title).Order(), axis.Events.Select(e => e.Title).Order());
        Assert.Equal(axis.Events.OrderBy(e => e.Start).Select(e => e.Id), axis.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task Dense_slices_become_clusters_with_their_counts_and_the_rest_stay_events()
    {
        var axis = await Queries.GetAxisAsync(new TimelineFilter(), new TimeAxisRequest(PerBin: 1), Cancellation);

        // Q3 2017 holds the threat, the drills and the nuclear test; Q2 2018 the talks, the summit and its statement.
        var q3 = Assert.Single(axis.Clusters, c => c.From == new DateOnly(2017, 8, 8));
        Assert.Equal((new DateOnly(2017, 9, 30), 3), (q3.To, q3.Count));
        var q2 = Assert.Single(axis.Clusters, c => c.From == new DateOnly(2018, 4, 1));
        Assert.Equal((new DateOnly(2018, 6, 30), 3), (q2.To, q2.Count));
        Assert.Equal(axis.Total, axis.Clusters.Sum(c => c.Count) + axis.Events.Count);
        Assert.DoesNotContain(axis.Events, e => e.Title == "Underground nuclear test detected");
        Assert.Equal(3, axis.Peak?.Count);
    }

    [Fact]
    public async Task The_view_dates_are_the_axis_and_an_overlapping_range_counts()
    {
        var filter = new TimelineFilter { From = new DateOnly(2020, 10, 1), To = new DateOnly(2020, 10, 31) };

        var axis = await Queries.GetAxisAsync(filter, new TimeAxisRequest(), Cancellation);

        Assert.Equal((filter.From.Value, filter.To.Value), (axis.From, axis.To));
        Assert.Equal(AxisUnit.Day, axis.Scale.Unit);
        var carrier = Assert.Single(axis.Events);
        Assert.Equal(("Carrier group sent to the region", DatePrecision.Approximate), (carrier.Title, carrier.Precision));
        Assert.Equal(1, axis.Total);
    }

    [Fact]
    public async Task Search_actors_and_types_filter_the_axis_like_the_list()
    {
        var filter = new TimelineFilter { Query = "summit", Actors = ["kim-jong-un"], Take = 200 };

        var axis = await Queries.GetAxisAsync(filter, new TimeAxisRequest(), Cancellation);
        var page = await Queries.GetPageAsync(filter, Cancellation);

        Assert.Equal(page.Total, axis.Total);
        Assert.Equal(page.Items.Select(i => i.Event.Id).Order(), axis.Events.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task Lanes_by_type_give_one_lane_per_type_in_view()
    {
        var axis = await Queries.GetAxisAsync(new TimelineFilter { Types = [EventType.Summit, EventType.MissileTest] },
            new TimeAxisRequest(LanesByType: true), Cancellation);

        Assert.Equal([(EventType.MissileTest, 2), (EventType.Summit, 2)], axis.Lanes.Select(l => (l.Type!.Value, l.Count)).OrderBy(l => l.Item1.Label()));
        var summitLane = axis.Lanes.ToList().FindIndex(l => l.Type == EventType.Summit);
        Assert.All(axis.Events.Where(e => e.Type == EventType.Summit), e => Assert.Equal(summitLane, e.Lane));
    }

    [Fact]
    public async Task An_unknown_actor_or_no_match_gives_an_empty_axis()
    {
        var axis = await Queries.GetAxisAsync(new TimelineFilter { Actors = ["nobody-at-all"] }, new TimeAxisRequest(), Cancellation);
        var dated = await Queries.GetAxisAsync(new TimelineFilter { From = new DateOnly(1960, 1, 1), To = new DateOnly(1960, 12, 31) },
            new TimeAxisRequest(), Cancellation);

        Assert.Equal(0, axis.Total);
        Assert.Equal((0, new DateOnly(1960, 1, 1), new DateOnly(1960, 12, 31)), (dated.Total, dated.From, dated.To));
        Assert.Empty(dated.Events);
    }
}
