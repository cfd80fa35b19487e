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

    /// <summary>The trigger-window parser must find what a full scan of all rules combined finds.</summary>
    [Fact]
    public void Trigger_windows_find_the_same_matches_as_a_full_scan()
    {
        var tagger = TemporalTagger.Default;
        var texts = tagger.Resources.Rules.Select(r => r.Example).ToList();
        texts.AddRange(TemporalCases.Absolute.Split('\n').Concat(TemporalCases.Deictic.Split('\n')).Concat(TemporalCases.Fuzzy.Split('\n')));
        var tbaq = "/work/shared/eval/timex/tbaq-cleaned";
        if (Directory.Exists(tbaq))
        {
            texts.AddRange(Directory.EnumerateFiles(tbaq, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(400)
                .Select(f => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(f), "<[^>]+>", "")));
        }

        foreach (var text in texts)
        {
            var context = new Extraction.Temporal.Parsing.TagContext(text, new DateOnly(2025, 3, 2), null);
            var windowed = new List<Extraction.Temporal.Parsing.Candidate>();
            tagger.RuleParser.Parse(context, windowed);
            var full = tagger.RuleParser.Matches(text).Select(m => $"{m.RuleId} {m.Text}").ToList();
            Assert.Equal(full, windowed.Select(c => $"{c.Rule.Id} {c.MatchText}").ToList());
        }
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
