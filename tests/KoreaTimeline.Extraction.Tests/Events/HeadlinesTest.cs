using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Events;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>Headlines read as English and name who acts when the event's actors are known. Every text is invented.</summary>
public sealed class HeadlinesTest
{
    private static readonly KnownActor Moon = new("Moon Jae-in", "person", "South Korea", true);
    private static readonly KnownActor Kim = new("Kim Jong-un", "person", "North Korea", true);
    private static readonly KnownActor NorthKorea = new("North Korea", "country", null, false);
    private static readonly KnownActor UnitedStates = new("United States", "country", null, false);

    [Theory]
    [InlineData("Summit", "Summit of Moon Jae-in and Kim Jong-un")]
    [InlineData("Event", "Event involving Moon Jae-in and Kim Jong-un")]
    public void A_bare_noun_names_the_people_of_the_event(string headline, string expected) =>
        Assert.Equal(expected, Headlines.WithActors(headline, [NorthKorea, Moon, Kim]));

    [Theory]
    [InlineData("Missile test", "North Korea's missile test")]
    [InlineData("North Korea fires a missile", "North Korea fires a missile")]
    [InlineData("1950-53 Korean War", "1950-53 Korean War")]
    public void A_bare_noun_takes_its_one_actor_as_owner_unless_it_names_it_already(string headline, string expected) =>
        Assert.Equal(expected, Headlines.WithActors(headline, [NorthKorea]));

    [Fact]
    public void A_name_ending_in_s_takes_an_apostrophe_alone() =>
        Assert.Equal("United States' telephone call", Headlines.WithActors("Telephone call", [UnitedStates]));

    [Fact]
    public void A_noun_dated_by_its_relative_clause_keeps_what_the_clause_names_in_its_headline()
    {
        var events = ArticleExtractor.Default.Extract(new ArticleInput(
            "Officials toured the village where the armistice that ended the Korean War in 1953 was signed.", Published: new DateOnly(2025, 3, 12))).Events;

        Assert.Contains("the Korean War", Assert.Single(events).Title);
    }
}
