using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>One trigger rule of Resources/events/triggers.json.</summary>
/// <param name="IsVerb">A verb states the event; a noun refers to an event, usually one stated elsewhere.</param>
/// <param name="Context">Words that must occur in the sentence or the one before, or null.</param>
public sealed record TriggerRule(EventType Type, bool IsVerb, Regex Pattern, Regex? Context, string Example);

/// <summary>A trigger found in the text.</summary>
public sealed record TriggerMatch(int Start, int End, TriggerRule Rule);

/// <summary>Finds event triggers with the rules kept as data; where two rules match the same words, the earlier rule wins.</summary>
public sealed class TriggerLexicon
{
    private readonly IReadOnlyList<TriggerRule> _rules;

    public static TriggerLexicon Default { get; } = Load();

    public TriggerLexicon(IReadOnlyList<TriggerRule> rules) => _rules = rules;

    public IReadOnlyList<TriggerRule> Rules => _rules;

    /// <summary>
    /// The triggers of one sentence, in text order, none overlapping another.
    /// <paramref name="context"/> is the text a rule's context must occur in (the sentence and the one before).
    /// </summary>
    public List<TriggerMatch> Find(string text, Sentence sentence, ReadOnlySpan<char> context)
    {
        var found = new List<TriggerMatch>();
        foreach (var rule in _rules)
        {
            if (rule.Context is not null && !rule.Context.IsMatch(context))
            {
                continue;
            }
            foreach (var m in rule.Pattern.EnumerateMatches(text.AsSpan(sentence.Start, sentence.Length)))
            {
                var start = sentence.Start + m.Index;
                var end = start + m.Length;
                if (!found.Exists(f => f.Start < end && start < f.End))
                {
                    found.Add(new TriggerMatch(start, end, rule));
                }
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static TriggerLexicon Load()
    {
        var file = EmbeddedResources.ReadJson<TriggersFile>("events/triggers.json");
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        var rules = file.Rules.Select(r =>
        {
            if (!EventTypes.TryParse(r.Type, out var type))
            {
                throw new InvalidOperationException($"triggers.json: unknown event type '{r.Type}' in rule '{r.Pattern}'.");
            }
            var context = r.Context is null ? null : file.Contexts.GetValueOrDefault(r.Context, r.Context);
            return new TriggerRule(type, r.Pos == "verb", new Regex($@"\b(?:{r.Pattern})(?!\w)", options),
                context is null ? null : new Regex(context, options), r.Example);
        }).ToList();
        return new TriggerLexicon(rules);
    }

    private sealed record TriggersFile(Dictionary<string, string> Contexts, List<RuleEntry> Rules);

    private sealed record RuleEntry(string Type, string Pos, string Pattern, string? Context, string Example);
}
