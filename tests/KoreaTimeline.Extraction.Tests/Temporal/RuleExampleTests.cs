using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Tests.Temporal;

/// <summary>Every rule and vocabulary of Resources/temporal carries an example; the rule's example must be matched by that rule.</summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string> RuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var r in TemporalTagger.Default.Resources.Rules)
            {
                data.Add(r.Id);
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(RuleIds))]
    public void Rule_example_is_matched_by_its_rule(string id)
    {
        var tagger = TemporalTagger.Default;
        var rule = tagger.Resources.Rules.Single(r => r.Id == id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Example));
        var matches = tagger.RuleParser.Matches(rule.Example).ToList();
        Assert.True(matches.Any(m => m.RuleId == id),
            $"example \"{rule.Example}\" matched by: {string.Join(", ", matches.Select(m => $"{m.RuleId} \"{m.Text}\""))}");
    }

    [Fact]
    public void Every_vocabulary_has_an_example() =>
        Assert.All(TemporalTagger.Default.Resources.Vocabularies.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Example), v.Name));

    [Fact]
    public void Rule_ids_are_unique() =>
        Assert.Equal(
            TemporalTagger.Default.Resources.Rules.Count,
            TemporalTagger.Default.Resources.Rules.Select(r => r.Id).Distinct().Count());
}
