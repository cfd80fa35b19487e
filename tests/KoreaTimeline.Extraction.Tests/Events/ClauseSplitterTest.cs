using KoreaTimeline.Extraction.Events;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

public sealed class ClauseSplitterTest
{
    private static List<(string Text, ClauseRole Role)> Clauses(string sentence, params string[] dates)
    {
        var spans = dates.Select(d => (sentence.IndexOf(d, StringComparison.Ordinal), sentence.IndexOf(d, StringComparison.Ordinal) + d.Length)).ToList();
        return ClauseSplitter.Split(sentence, new Sentence(0, sentence.Length), spans)
            .Select(c => (sentence[c.Start..c.End], c.Role)).ToList();
    }

    [Fact]
    public void A_fronted_date_is_an_intro_and_its_commas_are_not_cut()
    {
        var clauses = Clauses("On Monday, May 5, the navy held drills, showcasing its power.", "Monday, May 5");

        Assert.Equal(
            [("On Monday, May 5", ClauseRole.Intro), ("the navy held drills", ClauseRole.Main), ("showcasing its power", ClauseRole.Participle)],
            clauses);
    }

    [Fact]
    public void What_was_announced_is_a_complement_clause()
    {
        var clauses = Clauses("Last week, the ministry announced that it had tested a drone on Tuesday.", "Last week", "Tuesday");

        Assert.Equal(
            [("Last week", ClauseRole.Intro), ("the ministry announced", ClauseRole.Main), ("it had tested a drone on Tuesday", ClauseRole.Complement)],
            clauses);
    }

    [Theory]
    [InlineData("The envoy will land in Oslo on Friday, the foreign ministry confirmed on Tuesday.", "the foreign ministry confirmed on Tuesday")]
    [InlineData("The envoy will land in Oslo on Friday, two officials told Reuters.", "two officials told Reuters")]
    public void A_trailing_speaker_is_an_attribution(string sentence, string attribution)
    {
        var clauses = Clauses(sentence);

        Assert.Equal((attribution, ClauseRole.Attribution), clauses[^1]);
    }

    [Fact]
    public void Attribution_purpose_coordination_and_background_are_told_apart()
    {
        var clauses = Clauses(
            "According to officials, the ship docked in Busan, to reassure allies, but the envoy left while talks went on.");

        Assert.Equal(
            [
                ("According to officials", ClauseRole.Attribution),
                ("the ship docked in Busan", ClauseRole.Main),
                ("to reassure allies", ClauseRole.Purpose),
                ("but the envoy left", ClauseRole.Coordinate),
                ("while talks went on", ClauseRole.Subordinate),
            ],
            clauses);
    }

    [Fact]
    public void An_appositive_that_the_verb_closes_stays_in_its_clause_and_comes_as_opens_the_background()
    {
        var clauses = Clauses("The drills come as Foreign Minister Park Jin, a veteran diplomat, visited Tokyo.");

        Assert.Equal(
            [("The drills come", ClauseRole.Main), ("as Foreign Minister Park Jin, a veteran diplomat, visited Tokyo", ClauseRole.Subordinate)],
            clauses);
    }

    [Fact]
    public void An_appositive_after_the_clause_is_background()
    {
        var clauses = Clauses("The navy fired a cruise missile, a sign of rising tension.");

        Assert.Equal([("The navy fired a cruise missile", ClauseRole.Main), ("a sign of rising tension", ClauseRole.Subordinate)], clauses);
    }

    [Fact]
    public void A_verb_after_a_relative_clause_goes_on_with_the_main_clause()
    {
        var clauses = Clauses("Premier Lindqvist, who met the envoy in Oslo on Friday, said Sweden would host more talks.", "Friday");

        Assert.Equal(
            [("Premier Lindqvist", ClauseRole.Main), ("who met the envoy in Oslo on Friday", ClauseRole.Subordinate),
                ("said Sweden would host more talks", ClauseRole.Main)],
            clauses);
    }

    [Fact]
    public void The_subject_after_a_fronted_offset_opens_the_main_clause()
    {
        var clauses = Clauses("On June 26, a day before the drills began, the navy fired a missile.", "June 26");

        Assert.Equal(
            [("On June 26", ClauseRole.Intro), ("a day before the drills began", ClauseRole.Subordinate), ("the navy fired a missile", ClauseRole.Main)],
            clauses);
    }

    [Fact]
    public void The_comma_of_a_number_closes_no_fronted_phrase()
    {
        var clauses = Clauses("On Monday the envoy said about 8,000 troops had crossed the river.", "Monday");

        Assert.Equal([("On Monday the envoy said about 8,000 troops had crossed the river", ClauseRole.Main)], clauses);
    }
}

