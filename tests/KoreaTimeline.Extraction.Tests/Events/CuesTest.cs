using KoreaTimeline.Extraction.Events;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>
/// The cue words of <c>Resources/events/cues.json</c>: each list holds in its examples and not in its counter-examples,
/// and the extractor reads hedges, plans and opinions as the data says. Every text is invented.
/// </summary>
public sealed class CuesTest
{
    private static readonly DateOnly Wednesday = new(2025, 3, 12);

    public static TheoryData<string, string> Examples =>
        [.. Cues.All.SelectMany(c => c.Examples.Select(e => (c.Name, e)))];

    public static TheoryData<string, string> Counters =>
        [.. Cues.All.SelectMany(c => c.Counters.Select(e => (c.Name, e)))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_cue_list_holds_in_its_examples(string name, string example)
    {
        Assert.True(Holds(name, example), $"{name}: /{Cue(name).Pattern}/ finds nothing in \"{example}\"");
    }

    [Theory]
    [MemberData(nameof(Counters))]
    public void No_cue_list_holds_in_its_counter_examples(string name, string counter)
    {
        Assert.False(Holds(name, counter), $"{name}: /{Cue(name).Pattern}/ holds in \"{counter}\"");
    }

    [Fact]
    public void Every_cue_list_has_examples_and_counter_examples()
    {
        Assert.Equal(["aggregate", "assessment", "commentary", "hedge", "opinion", "participation", "scheduled", "speech", "unlisted-meeting", "unlisted-sanctions", "unlisted-statement"], Cues.All.Select(c => c.Name).Order());
        Assert.All(Cues.All, c => Assert.True(c.Examples.Count > 0 && c.Counters.Count > 0, c.Name));
    }

    [Theory]
    [InlineData("The navy might hold a drill near the islands on Friday.")]
    [InlineData("The rebels didn't launch a rocket on Monday.")]
    [InlineData("Analysts say the army launched a rocket on Monday.")]
    [InlineData("Diplomats said the envoys would meet again.")]
    public void A_hedged_planned_or_opined_event_without_a_date_of_its_own_is_no_event(string text)
    {
        Assert.DoesNotContain(Extract(text), e => e.Type != EventType.Statement);
    }

    [Fact]
    public void A_reported_plan_with_a_date_of_its_own_is_a_scheduled_event_on_that_date()
    {
        var e = Assert.Single(Extract("The ministry said on Monday that envoys of the two countries would meet in Geneva on Friday."),
            x => x.Type == EventType.Meeting);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 14)), e.Date);
    }

    [Fact]
    public void Saying_an_estimate_about_facts_is_attribution_and_saying_a_position_is_a_statement()
    {
        Assert.Empty(Extract("The coast guard said the debris appeared to come from a rocket stage."));

        var e = Assert.Single(Extract("Foreign Minister Cho Tae-yul said on Monday that the drills were a grave provocation."));
        Assert.Equal(EventType.Statement, e.Type);
    }

    [Fact]
    public void Judging_an_event_the_story_told_is_commentary_not_a_statement()
    {
        var e = Assert.Single(Extract("The navy held a drill on Monday. A spokesman said the decision was meant to calm the region."));

        Assert.Equal(EventType.Exercise, e.Type);
    }

    [Fact]
    public void Announcing_an_event_gives_the_event_and_no_statement_beside_it()
    {
        var e = Assert.Single(Extract("The ministry announced on Monday that it was suspending the annual joint exercise."));

        Assert.Equal(EventType.Exercise, e.Type);
    }

    [Fact]
    public void The_month_May_is_no_hedge()
    {
        var e = Assert.Single(Extract("The navy held a drill near the islands in May."));

        Assert.Equal(EventType.Exercise, e.Type);
        Assert.Equal(5, e.Date.Start.Month);
    }

    private static CueList Cue(string name) => Cues.All.Single(c => c.Name == name);

    // A list anchored at the end of its span ("more than 30 " before the trigger) holds in some prefix of the text.
    private static bool Holds(string name, string text) =>
        Enumerable.Range(1, text.Length).Where(i => i == text.Length || text[i - 1] == ' ').Any(i => Cue(name).Pattern.IsMatch(text[..i]));

    private static IReadOnlyList<ExtractedEvent> Extract(string text) =>
        ArticleExtractor.Default.Extract(new ArticleInput(text, Published: Wednesday)).Events;
}
