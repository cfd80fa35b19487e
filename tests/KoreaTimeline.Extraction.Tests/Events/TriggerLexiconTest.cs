using KoreaTimeline.Extraction.Events;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>The event type files: the contract's taxonomy, and triggers that each match their own example.</summary>
public sealed class TriggerLexiconTest
{
    public static TheoryData<int> RuleIndexes => [.. Enumerable.Range(0, TriggerLexicon.Default.Rules.Count)];

    [Theory]
    [MemberData(nameof(RuleIndexes))]
    public void Every_trigger_matches_its_example(int index)
    {
        var rule = TriggerLexicon.Default.Rules[index];

        Assert.True(rule.Pattern.IsMatch(rule.Example), $"{rule.Type.Id()}: /{rule.Pattern}/ does not match \"{rule.Example}\"");
    }

    public static TheoryData<int> CounterIndexes =>
        [.. Enumerable.Range(0, TriggerLexicon.Default.Rules.Count).Where(i => TriggerLexicon.Default.Rules[i].Counter is not null)];

    [Theory]
    [MemberData(nameof(CounterIndexes))]
    public void No_trigger_fires_on_its_counter_example(int index)
    {
        var rule = TriggerLexicon.Default.Rules[index];
        var text = rule.Counter!;

        var found = TriggerLexicon.Default.Find(text, [new Sentence(0, text.Length)])[0];

        Assert.DoesNotContain(found, t => t.Rule == rule);
    }

    [Fact]
    public void Some_rules_carry_counter_examples()
    {
        Assert.True(CounterIndexes.Count >= 10);
    }

    [Fact]
    public void The_types_are_the_contracts_fifteen_with_their_codes()
    {
        Assert.Equal(
            ["deployment", "exercise", "missile_test", "nuclear_test", "summit", "meeting", "statement", "threat", "proposal",
             "negotiation", "agreement", "sanctions", "cooperation", "troop_deployment", "other"],
            EventTypes.All.Select(t => t.Id));
        Assert.Equal(("150", "MOBILIZE (weapons)"), (EventType.MissileTest.Info().Cameo, EventType.MissileTest.Info().Plover));
        Assert.All(EventTypes.All.Where(t => t.Type != EventType.Other), t => Assert.Contains(TriggerLexicon.Default.Rules, r => r.Type == t.Type));
    }
}
