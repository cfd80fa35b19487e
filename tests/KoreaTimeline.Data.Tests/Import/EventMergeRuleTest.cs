using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Data.Tests.Import;

public sealed class EventMergeRuleTest
{
    private static readonly MergeActor NorthKorea = new("north-korea", "country");
    private static readonly MergeActor SouthKorea = new("south-korea", "country");
    private static readonly MergeActor UnitedStates = new("united-states", "country");
    private static readonly MergeActor Russia = new("russia", "country");
    private static readonly MergeActor Kim = new("kim-jong-un", "person");
    private static readonly MergeActor Trump = new("donald-trump", "person");
    private static readonly MergeActor Putin = new("vladimir-putin", "person");
    private static readonly MergeActor Vinson = new("uss-carl-vinson", "vessel");
    private static readonly MergeActor Jcs = new("south-korean-joint-chiefs-of-staff", "military_unit");

    private static MergeCandidate Event(EventType type, string start, string end, params MergeActor[] actors) =>
        new(type, DateOnly.Parse(start), DateOnly.Parse(end), actors);

    [Fact]
    public void Same_type_overlapping_dates_and_the_same_countries_merge()
    {
        var day = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea);
        var week = Event(EventType.MissileTest, "2025-03-10", "2025-03-12", NorthKorea);

        Assert.True(EventMergeRule.CanMerge(day, week));
        Assert.True(EventMergeRule.CanMerge(week, day));
    }

    [Fact]
    public void Different_type_or_disjoint_dates_never_merge()
    {
        var launch = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea);

        Assert.False(EventMergeRule.CanMerge(launch, Event(EventType.Statement, "2025-03-11", "2025-03-11", NorthKorea)));
        Assert.False(EventMergeRule.CanMerge(launch, Event(EventType.MissileTest, "2025-03-12", "2025-03-12", NorthKorea)));
    }

    [Fact]
    public void Country_only_events_merge_only_with_exactly_the_same_countries()
    {
        var launch = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea);

        Assert.False(EventMergeRule.CanMerge(launch, Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea, SouthKorea)));
    }

    [Fact]
    public void A_shared_actor_that_is_not_a_country_merges()
    {
        var visit = Event(EventType.Deployment, "2025-03-09", "2025-03-09", Vinson, UnitedStates);
        var reported = Event(EventType.Deployment, "2025-03-09", "2025-03-09", Vinson, UnitedStates, SouthKorea, Jcs);

        Assert.True(EventMergeRule.CanMerge(visit, reported));
    }

    [Fact]
    public void A_shared_person_does_not_merge_summits_with_different_counterparts()
    {
        var withTrump = Event(EventType.Summit, "2025-03-10", "2025-03-10", Kim, NorthKorea, Trump, UnitedStates);
        var withPutin = Event(EventType.Summit, "2025-03-10", "2025-03-10", Kim, NorthKorea, Putin, Russia);
        var withoutCountries = Event(EventType.Summit, "2025-03-10", "2025-03-10", Kim, Putin);

        Assert.False(EventMergeRule.CanMerge(withTrump, withPutin));
        Assert.False(EventMergeRule.CanMerge(withTrump, withoutCountries));
        Assert.True(EventMergeRule.CanMerge(withPutin, withoutCountries));
    }

    [Fact]
    public void Only_countries_shared_across_a_mixed_event_do_not_merge()
    {
        var launch = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea);
        var reported = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea, Jcs);

        Assert.False(EventMergeRule.CanMerge(launch, reported));
    }

    [Fact]
    public void A_year_long_interval_does_not_swallow_a_dated_event()
    {
        var year = Event(EventType.MissileTest, "2025-01-01", "2025-12-31", NorthKorea);
        var day = Event(EventType.MissileTest, "2025-03-11", "2025-03-11", NorthKorea);

        Assert.False(EventMergeRule.CanMerge(year, day));
        Assert.True(EventMergeRule.CanMerge(year, Event(EventType.MissileTest, "2025-01-01", "2025-12-31", NorthKorea)));
    }

    [Fact]
    public void Events_without_actors_never_merge()
    {
        var a = Event(EventType.Other, "2025-03-11", "2025-03-11");

        Assert.False(EventMergeRule.CanMerge(a, a));
    }

    [Fact]
    public void More_shared_actors_score_higher_than_a_nearer_date()
    {
        var incoming = Event(EventType.Deployment, "2025-03-09", "2025-03-09", Vinson, UnitedStates);
        var near = Event(EventType.Deployment, "2025-03-09", "2025-03-09", Vinson);
        var richer = Event(EventType.Deployment, "2025-03-08", "2025-03-10", Vinson, UnitedStates);

        Assert.True(EventMergeRule.Score(richer, incoming) > EventMergeRule.Score(near, incoming));
    }
}
