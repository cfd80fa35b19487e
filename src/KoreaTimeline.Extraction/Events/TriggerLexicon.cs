using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>One trigger rule of Resources/events/triggers.json.</summary>
/// <param name="IsVerb">A verb states the event; a noun refers to an event, usually one stated elsewhere.</param>
/// <param name="Context">Words that must occur in the sentence or the one before, or null.</param>
/// <param name="IsSpeech">A verb of saying ("said", "told reporters"): a statement only when what it reports is no event of its own.</param>
/// <param name="StoryContext">The context may occur anywhere earlier in the article: the story's subject decides.</param>
/// <param name="ReportsObject">A noun event right after it is what it tells of ("announced the launch of ..."): that event, not a statement.</param>
/// <param name="Counter">A sentence that looks like the rule's but states no such event: the rule must find nothing in it.</param>
/// <param name="ContextBefore">The context must come before the trigger (its subject: "the carrier arrived"), not after it.</param>
/// <param name="AgentOnly">Its actors are who acts, named before it, not whom it is about ("Tokyo condemned Pyongyang's launch").</param>
/// <param name="Parties">The countries its name says take part ("the Korean War", a named joint exercise), or null.</param>
/// <param name="Mutual">Two sides take part though the clause may name one ("returned fire", "an exchange of fire").</param>
public sealed record TriggerRule(EventType Type, bool IsVerb, Regex Pattern, Regex? Context, string Example, bool IsSpeech = false, string? Counter = null, bool ReportsObject = false, bool StoryContext = false,
    bool ContextBefore = false, bool AgentOnly = false, IReadOnlyList<string>? Parties = null, bool Mutual = false);

/// <summary>A trigger found in the text.</summary>
public sealed record TriggerMatch(int Start, int End, TriggerRule Rule)
{
    /// <summary>The verb's lemma where the parser gave it (a verb no rule lists), for the headline's present tense.</summary>
    public string? Lemma { get; init; }
}

/// <summary>Finds event triggers with the rules kept as data; where two rules match the same words, the earlier rule wins.</summary>
public sealed class TriggerLexicon
{
    private readonly IReadOnlyList<TriggerRule> _rules;

    public static TriggerLexicon Default { get; } = Load();

    public TriggerLexicon(IReadOnlyList<TriggerRule> rules) => _rules = rules;

    public IReadOnlyList<TriggerRule> Rules => _rules;

    /// <summary>
    /// The triggers of every sentence, in text order, none overlapping another. A rule with a context counts only
    /// where its context occurs in the sentence or the one before. Each rule scans the text once.
    /// </summary>
    /// <param name="vessels">Where ships are named (by the gazetteer): they stand for a military asset as a subject.</param>
    public List<TriggerMatch>[] Find(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<(int Start, int End)>? vessels = null)
    {
        var found = new List<TriggerMatch>[sentences.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = [];
        }
        var contextHolds = new Dictionary<Regex, bool?[]>();
        foreach (var rule in _rules)
        {
            foreach (var m in rule.Pattern.EnumerateMatches(text))
            {
                var si = SentenceOf(sentences, m.Index);
                if (si < 0 || m.Index + m.Length > sentences[si].End || !ContextHolds(rule, si, m.Index))
                {
                    continue;
                }
                var (start, end) = (m.Index, m.Index + m.Length);
                // A verb phrase that starts before a noun it spans states the event ("called the test a threat"):
                // it replaces the noun; otherwise the earlier rule wins.
                if (rule.IsVerb)
                {
                    found[si].RemoveAll(f => !f.Rule.IsVerb && start < f.Start && f.End <= end);
                }
                if (!found[si].Exists(f => f.Start < end && start < f.End))
                {
                    found[si].Add(new TriggerMatch(start, end, rule));
                }
            }
        }
        foreach (var list in found)
        {
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        return found;

        bool ContextHolds(TriggerRule rule, int si, int at)
        {
            if (rule.Context is null)
            {
                return true;
            }
            if (rule.ContextBefore)
            {
                var start = si > 0 ? sentences[si - 1].Start : sentences[si].Start;
                // "The Theodore Roosevelt arrived": a ship named before, though without its prefix, is such a subject.
                return rule.Context.IsMatch(text.AsSpan(start, at - start))
                    || vessels is not null && vessels.Any(v => v.Start >= sentences[si].Start && v.End <= at);
            }
            if (!contextHolds.TryGetValue(rule.Context, out var cache))
            {
                contextHolds[rule.Context] = cache = new bool?[sentences.Count];
            }
            if (cache[si] is not { } holds)
            {
                // A story context ("nuclear-story") holds anywhere before in the article; others in this sentence or the one before.
                var from = rule.StoryContext ? 0 : si > 0 ? sentences[si - 1].Start : sentences[si].Start;
                cache[si] = holds = rule.Context.IsMatch(text.AsSpan(from, sentences[si].End - from));
            }
            return holds;
        }
    }

    private static int SentenceOf(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (offset < sentences[mid].Start)
            {
                hi = mid - 1;
            }
            else if (offset >= sentences[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }

    // Every type file's triggers, the types in order of priority: where two rules match the same words the
    // earlier wins, so specific types (a nuclear test) come before general ones (a statement).
    private static TriggerLexicon Load()
    {
        var contexts = EmbeddedResources.ReadJson<ContextsFile>("events/contexts.json").Contexts;
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        var rules = new List<TriggerRule>();
        foreach (var file in EmbeddedResources.List("events/types").Select(EmbeddedResources.ReadJson<TypeFile>).OrderBy(f => f.Priority))
        {
            if (!EventTypes.TryParse(file.Id, out var type))
            {
                throw new InvalidOperationException($"events/types/{file.Id}.json: '{file.Id}' is not an event type of the contract.");
            }
            foreach (var r in file.Triggers)
            {
                var context = r.Context is null ? null : contexts.GetValueOrDefault(r.Context, r.Context);
                rules.Add(new TriggerRule(type, r.Pos is "verb" or "speech", new Regex($@"\b(?:{r.Pattern})(?!\w)", options),
                    context is null ? null : new Regex(context, options), r.Example, r.Pos == "speech", r.Counter, r.Object, r.Context?.EndsWith("-story", StringComparison.Ordinal) == true,
                    r.ContextBefore, r.AgentOnly, r.Parties, r.Mutual));
            }
        }
        return new TriggerLexicon(rules);
    }

    private sealed record ContextsFile(Dictionary<string, string> Contexts);

    private sealed record TypeFile(string Id, int Priority, List<RuleEntry> Triggers);

    private sealed record RuleEntry(string Pos, string Pattern, string? Context, string Example, string? Counter, bool Object, bool ContextBefore, bool AgentOnly, List<string>? Parties, bool Mutual);
}
