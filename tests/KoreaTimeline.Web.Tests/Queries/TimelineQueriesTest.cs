using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Tests.Shared;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Queries;

/// <summary>The timeline's query semantics on the invented timeline: each filter, combinations, paging, sorting, counts.</summary>
public class TimelineQueriesTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private TimelineQueries Queries => app.Services.GetRequiredService<TimelineQueries>();

    private static readonly TimelineFilter All = new() { Take = 200 };

    private async Task<List<string>> TitlesAsync(TimelineFilter filter) =>
        (await Queries.GetPageAsync(filter, Cancellation)).Items.Select(i => i.Event.Title).ToList();

    private static List<string> Expected(Func<InventedTimeline.Spec, bool> predicate) =>
        InventedTimeline.Specs.Where(predicate).OrderByDescending(s => s.Start).Select(s => s.Title).ToList();

    [Fact]
    public async Task Without_filters_every_event_comes_newest_first()
    {
        var page = await Queries.GetPageAsync(All, Cancellation);

        Assert.Equal(InventedTimeline.Specs.Count, page.Total);
        Assert.Equal(Expected(_ => true), page.Items.Select(i => i.Event.Title));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Oldest_first_reverses_the_order()
    {
        var titles = await TitlesAsync(All with { Sort = TimelineSort.Oldest });

        Assert.Equal(InventedTimeline.Specs.OrderBy(s => s.Start).Select(s => s.Title), titles);
    }

    [Fact]
    public async Task Actors_combine_with_and()
    {
        var titles = await TitlesAsync(All with { Actors = ["kim-jong-un", "donald-trump"] });

        Assert.Equal(Expected(s => s.Actors.Contains("kim-jong-un") && s.Actors.Contains("donald-trump")), titles);
        Assert.Equal(3, titles.Count);
    }

    [Fact]
    public async Task An_unknown_actor_matches_nothing()
    {
        var page = await Queries.GetPageAsync(All with { Actors = ["north-korea", "nobody-at-all"] }, Cancellation);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Types_combine_with_or()
    {
        var titles = await TitlesAsync(All with { Types = [EventType.Summit, EventType.Meeting] });

        Assert.Equal(Expected(s => s.Type is EventType.Summit or EventType.Meeting), titles);
    }

    [Fact]
    public async Task Dates_keep_events_whose_interval_overlaps_the_range()
    {
        var from = new DateOnly(2017, 12, 15);
        var to = new DateOnly(2018, 4, 30);

        var titles = await TitlesAsync(All with { From = from, To = to });

        Assert.Equal(["Talks held at the border village", "New sanctions on shipping"], titles);
    }

    [Fact]
    public async Task Filters_combine_with_each_other()
    {
        var titles = await TitlesAsync(All with
        {
            Actors = ["north-korea"],
            Types = [EventType.MissileTest],
            From = new DateOnly(2020, 1, 1),
            Query = "missile",
        });

        Assert.Equal(["Missile launched over the sea"], titles);
    }

    [Theory]
    [InlineData("missile", new[] { "Missile launched over the sea", "Short-range ballistic missile fired" })]
    [InlineData("MISSI*", new[] { "Missile launched over the sea", "Short-range ballistic missile fired" })]
    [InlineData("\"ballistic missile\"", new[] { "Short-range ballistic missile fired" })]
    [InlineData("\"missile ballistic\"", new string[0])]
    [InlineData("harbour", new[] { "Leaders meet at an invented summit" })]
    [InlineData("trump", new[] { "Brief meeting in the demilitarized zone", "Invented summit ends without a deal", "Statement praises the summit", "Leaders meet at an invented summit", "Warning of fire and fury" })]
    [InlineData("panmunjom", new[] { "Brief meeting in the demilitarized zone", "Talks held at the border village" })]
    [InlineData("sea japan", new[] { "Carrier group sent to the region" })]
    public async Task Search_finds_words_prefixes_and_phrases_in_titles_quotes_actors_and_places(string query, string[] expected)
    {
        var titles = await TitlesAsync(All with { Query = query, Sort = TimelineSort.Newest });

        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task Relevance_puts_title_matches_first_and_marks_them()
    {
        var page = await Queries.GetPageAsync(All with { Query = "invented", Sort = TimelineSort.Relevance }, Cancellation);
        var byDate = await TitlesAsync(All with { Query = "invented", Sort = TimelineSort.Newest });

        var titles = page.Items.Select(i => i.Event.Title).ToList();
        // The newest match names "invented" only in its quote: first by date, last by relevance.
        Assert.Equal("Short-range ballistic missile fired", byDate[0]);
        Assert.Equal("Short-range ballistic missile fired", titles[^1]);
        Assert.Equal(3, titles.Count);
        Assert.All(page.Items.Take(2), i => Assert.Contains("\u0002invented\u0003", i.TitleMarked!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\u0002invented\u0003", page.Items[^1].Snippet!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_match_outside_the_title_comes_with_a_marked_snippet()
    {
        var page = await Queries.GetPageAsync(All with { Query = "seismographs" }, Cancellation);

        var item = Assert.Single(page.Items);
        Assert.DoesNotContain('\u0002', item.TitleMarked!);
        Assert.Contains("\u0002Seismographs\u0003", item.Snippet!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TimelineSort.Newest)]
    [InlineData(TimelineSort.Oldest)]
    public async Task Keyset_pages_cover_every_event_once_in_order(TimelineSort sort)
    {
        var all = await TitlesAsync(All with { Sort = sort });
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Queries.GetPageAsync(new TimelineFilter { Take = 5, Sort = sort, After = after }, Cancellation);
            Assert.Equal(all.Count, page.Total);
            seen.AddRange(page.Items.Select(i => i.Event.Title));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Relevance_pages_by_offset_within_the_search()
    {
        var all = await TitlesAsync(All with { Query = "summit", Sort = TimelineSort.Relevance });
        var p1 = await Queries.GetPageAsync(new TimelineFilter { Query = "summit", Sort = TimelineSort.Relevance, Take = 2 }, Cancellation);
        var p2 = await Queries.GetPageAsync(new TimelineFilter { Query = "summit", Sort = TimelineSort.Relevance, Take = 2, After = p1.Next }, Cancellation);

        Assert.Equal(2, p1.Items.Count);
        Assert.Equal(all, p1.Items.Concat(p2.Items).Select(i => i.Event.Title));
        Assert.Null(p2.Next);
    }

    [Fact]
    public async Task Operators_are_words_every_one_of_which_must_match()
    {
        Assert.Empty(await TitlesAsync(All with { Query = "summit OR sea" }));
        Assert.Equal(["Warning of fire and fury"], await TitlesAsync(All with { Query = "fire and fury" }));
    }

    [Fact]
    public async Task Type_counts_follow_the_other_filters_but_not_the_type_filter()
    {
        var facets = await Queries.GetFacetsAsync(All with { Actors = ["north-korea"], Types = [EventType.Summit] }, cancellationToken: Cancellation);

        var expected = InventedTimeline.Specs.Where(s => s.Actors.Contains("north-korea"))
            .GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(kv => kv.Key), facets.Types.ToDictionary(t => t.Type, t => t.Count).OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Actor_counts_say_what_adding_the_actor_would_give()
    {
        var facets = await Queries.GetFacetsAsync(All with { Actors = ["kim-jong-un"], Types = [EventType.Summit, EventType.Meeting] }, cancellationToken: Cancellation);

        var counts = facets.Actors.ToDictionary(a => a.Slug, a => a.Count);
        Assert.Equal(3, counts["kim-jong-un"]);
        Assert.Equal(3, counts["donald-trump"]);
        Assert.Equal(1, counts["south-korea"]);
        Assert.Equal(1, counts["north-korea"]);
        Assert.False(counts.ContainsKey("japan"));
    }

    [Fact]
    public async Task Year_counts_ignore_the_date_filter_but_follow_the_others()
    {
        var facets = await Queries.GetFacetsAsync(All with { From = new DateOnly(2019, 1, 1), Types = [EventType.Summit] }, cancellationToken: Cancellation);

        Assert.Equal([new YearCount(2018, 1), new YearCount(2019, 1)], facets.Years);
    }

    [Fact]
    public async Task Actor_search_matches_names_and_counts_under_the_filter()
    {
        var found = await Queries.SearchActorsAsync("kor", All with { Types = [EventType.Exercise] }, cancellationToken: Cancellation);

        var only = Assert.Single(found);
        Assert.Equal(("south-korea", 1), (only.Slug, only.Count));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unclosed phrase")]
    [InlineData("NOT missile")]
    [InlineData("missile AND")]
    [InlineData("title:missile")]
    [InlineData("(missile")]
    [InlineData("*")]
    [InlineData("***missile")]
    [InlineData("multi-agent who's 20.04")]
    [InlineData("NEAR(a b)")]
    [InlineData("miss\0ile\u0001\u001f")]
    [InlineData("'; DROP TABLE Events; --")]
    [InlineData("^missile + -")]
    [InlineData("😀 missile 😀")]
    public async Task Hostile_search_input_never_fails(string query)
    {
        var page = await Queries.GetPageAsync(All with { Query = query, Sort = TimelineSort.Relevance }, Cancellation);
        var facets = await Queries.GetFacetsAsync(All with { Query = query }, cancellationToken: Cancellation);

        Assert.True(page.Total >= 0);
        Assert.NotNull(facets);
    }

    [Fact]
    public async Task Very_long_input_is_capped()
    {
        var query = string.Concat(Enumerable.Repeat("missile ", 10_000));

        var page = await Queries.GetPageAsync(All with { Query = query }, Cancellation);

        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Related_events_share_an_actor_within_30_days_and_neighbours_follow_time()
    {
        var summit = app.Events[0];

        var n = await Queries.GetNeighboursAsync(summit.Id, cancellationToken: Cancellation);

        var related = Assert.Single(n.Related);
        Assert.Equal("Statement praises the summit", related.Event.Title);
        Assert.Equal(1, related.SharedActors);
        Assert.Equal("Talks held at the border village", n.Previous!.Title);
        Assert.Equal("Statement praises the summit", n.Next!.Title);
    }

    [Fact]
    public async Task Actor_detail_counts_events_by_type()
    {
        var actor = await Queries.GetActorAsync("kim-jong-un", Cancellation);

        Assert.NotNull(actor);
        Assert.Equal("Kim Jong-un", actor.Actor.Name);
        Assert.Equal(6, actor.Total);
        Assert.Equal(new TypeCount(EventType.Summit, 2), actor.Types[0]);
        Assert.Equal(new DateOnly(2017, 9, 3), actor.First);
        Assert.Null(await Queries.GetActorAsync("nobody", Cancellation));
    }
}

/// <summary>The tests of <see cref="TimelineQueriesTest"/> on PostgreSQL.</summary>
public sealed class TimelineQueriesPostgresTest : TimelineQueriesTest, IClassFixture<InventedTimelinePostgresAppFactory>
{
    public TimelineQueriesPostgresTest(InventedTimelinePostgresAppFactory app) : base(app) => PostgresServer.SkipUnlessInstalled();
}
