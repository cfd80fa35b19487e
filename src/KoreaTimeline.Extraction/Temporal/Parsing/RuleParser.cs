using KoreaTimeline.Extraction.Pipeline;
using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal.Parsing;

/// <summary>
/// Runs the rules of rules.txt and records the groups each match states. Every match contains a trigger (a number,
/// or a word of a temporal vocabulary) and starts at most a few words before it, so each rule that can contain the
/// trigger is searched only in a short window around it: the matches of a full scan at a fraction of its cost.
/// </summary>
internal sealed partial class RuleParser : ITemporalParser
{
    private const int WordsBack = 6;
    private const int CharsAhead = 48;
    private const int LookbehindContext = 24;
    private const int FollowingTokens = 3;
    private const string Digit = "#digit";

    private readonly TemporalResources _resources;
    private CompiledRule[] _rules;
    private readonly Dictionary<string, int[]> _rulesByTrigger;
    private readonly int[] _digitRules;
    private readonly Lazy<Regex> _combined;

    private sealed record CompiledRule(TemporalRule Rule, Regex Regex, int[] SlotGroups);

    /// <summary>Completes once the compiled regexes serve every call.</summary>
    public Task Compiled { get; }

    public RuleParser(TemporalResources resources)
    {
        _resources = resources;
        // One regex per rule: a single regex of all rules compiles to a method too large for the JIT to optimize.
        // The interpreter serves the first calls; compiled regexes (about four times faster, but a second or two
        // to build) replace them in the background.
        _rules = Build(resources, RegexOptions.None);
        Compiled = Task.Run(() => Volatile.Write(ref _rules, Build(resources, RegexOptions.Compiled)));
        (_rulesByTrigger, _digitRules) = IndexByTrigger(resources);
        _combined = new(() => new Regex(resources.BuildCombinedPattern(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
    }

    private static CompiledRule[] Build(TemporalResources resources, RegexOptions options) =>
        [.. resources.Rules.Select(r =>
        {
            var regex = new Regex(
                resources.Guarded(resources.Expand(r.Pattern)),
                options | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(5));
            return new CompiledRule(r, regex, [.. Enum.GetNames<Slot>().Select(n => regex.GroupNumberFromName(n.ToLowerInvariant()))]);
        })];

    /// <summary>The rule and text of each match of a full scan with all rules combined (for tests).</summary>
    public IEnumerable<(string RuleId, string Text)> Matches(string text)
    {
        foreach (Match m in _combined.Value.Matches(text))
        {
            var i = Enumerable.Range(0, _rules.Length).First(i => m.Groups["r" + i].Success);
            yield return (_rules[i].Rule.Id, m.Value);
        }
    }

    public void Parse(TagContext context, List<Candidate> output)
    {
        var rulesNow = Volatile.Read(ref _rules);
        var text = context.Text;
        var lookup = _rulesByTrigger.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> starts = stackalloc int[WordsBack + 1];
        Span<char> lower = stackalloc char[32];
        Span<bool> selected = stackalloc bool[_rules.Length];
        var words = 0;
        var done = 0;
        var i = 0;
        try
        {
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                starts[words++ % starts.Length] = start;
                if (start < done)
                {
                    continue;
                }

                if (RulesOf(text.AsSpan(start, i - start), lookup, lower) is not { } own)
                {
                    continue;
                }

                // A longer match may hang on a later trigger ("the current year": "current", then "year"),
                // so the rules of the next few triggers are tried too.
                var rules = WithFollowing(text, i, own, lookup, lower, selected);
                var windowStart = Math.Max(done, starts[(words - Math.Min(words, starts.Length)) % starts.Length]);
                var windowEnd = Math.Min(text.Length, i + CharsAhead);
                while (windowEnd < text.Length && (char.IsLetterOrDigit(text[windowEnd]) || text[windowEnd] is '.' or ','))
                {
                    windowEnd++;
                }

                windowEnd = Math.Min(text.Length, windowEnd + 1);

                if (windowStart > 0 && text[windowStart - 1] is '\'' or '’')
                {
                    windowStart--;
                }

                if (Best(context, rulesNow, rules, windowStart, windowEnd, start) is { } best)
                {
                    Add(context, best.Rule, best.Match, output);
                    done = best.Match.Index + best.Match.Length;
                    if (done > i)
                    {
                        i = done;
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            context.Log("rules", "timeout");
            throw new ExtractionException(
                $"temporal tagging stopped: a date rule ran past its {e.MatchTimeout.TotalSeconds:0} s limit at offset {i}; nothing was extracted from this text.");
        }
    }

    private int[]? RulesOf(ReadOnlySpan<char> token, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> lookup, Span<char> lower)
    {
        if (char.IsAsciiDigit(token[0]))
        {
            return _digitRules;
        }

        if (token.Length > lower.Length)
        {
            return null;
        }

        var n = token.ToLowerInvariant(lower);
        return lookup.TryGetValue(lower[..n], out var rules) ? rules : null;
    }

    private IReadOnlyList<int> WithFollowing(
        string text, int from, int[] rules, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> lookup, Span<char> lower, Span<bool> selected)
    {
        List<int>? union = null;
        var j = from;
        for (var k = 0; k < FollowingTokens && j < text.Length; k++)
        {
            while (j < text.Length && !char.IsLetterOrDigit(text[j]))
            {
                j++;
            }

            var s = j;
            while (j < text.Length && char.IsLetterOrDigit(text[j]))
            {
                j++;
            }

            if (s == j || RulesOf(text.AsSpan(s, j - s), lookup, lower) is not { } more || ReferenceEquals(more, rules))
            {
                continue;
            }

            if (union is null)
            {
                union = [];
                selected.Clear();
                foreach (var r in rules)
                {
                    selected[r] = true;
                }
            }

            foreach (var r in more)
            {
                selected[r] = true;
            }
        }

        if (union is null)
        {
            return rules;
        }

        for (var r = 0; r < selected.Length; r++)
        {
            if (selected[r])
            {
                union.Add(r);
            }
        }

        return union;
    }

    /// <summary>The leftmost match in the window that starts no later than the trigger; on a tie, the earlier rule.</summary>
    private static (CompiledRule Rule, Match Match)? Best(
        TagContext context, CompiledRule[] all, IReadOnlyList<int> rules, int windowStart, int windowEnd, int triggerStart)
    {
        (CompiledRule Rule, Match Match)? best = null;
        foreach (var r in rules)
        {
            var rule = all[r];
            // Search only the window, with a little text before it so the lookbehind guards see their context.
            var from = Math.Max(0, windowStart - LookbehindContext);
            var m = rule.Regex.Match(context.Text, from, windowEnd - from);
            while (m.Success && m.Index < windowStart)
            {
                m = m.NextMatch();
            }

            if (!m.Success || m.Index > triggerStart || m.Length == 0)
            {
                continue;
            }

            if (best is null || m.Index < best.Value.Match.Index)
            {
                best = (rule, m);
            }
        }

        return best;
    }

    private void Add(TagContext context, CompiledRule compiled, Match m, List<Candidate> output)
    {
        var slots = new string?[compiled.SlotGroups.Length];
        for (var s = 0; s < slots.Length; s++)
        {
            if (compiled.SlotGroups[s] >= 0 && m.Groups[compiled.SlotGroups[s]] is { Success: true } g)
            {
                slots[s] = g.Value;
            }
        }

        var start = m.Index;
        var end = m.Index + m.Length;
        if (compiled.SlotGroups[(int)Slot.X] is >= 0 and var xg && m.Groups[xg] is { Success: true } x)
        {
            start = x.Index;
            end = x.Index + x.Length;
        }

        var unit = compiled.SlotGroups[(int)Slot.Unit] is >= 0 and var ug ? m.Groups[ug] : null;
        output.Add(new Candidate(start, end, compiled.Rule, slots)
        {
            MatchText = m.Value,
            UnitEnd = unit is { Success: true } ? unit.Index + unit.Length : null,
        });
        context.Log("rules", $"{compiled.Rule.Id} matched \"{m.Value}\" at {m.Index}");
    }

    /// <summary>
    /// Which rules a token can trigger: a rule is indexed under each vocabulary it refers to (by every word of that
    /// vocabulary) and under the literal words of its pattern; rules with digits under every number.
    /// </summary>
    private static (Dictionary<string, int[]> ByWord, int[] Digit) IndexByTrigger(TemporalResources resources)
    {
        string[] vocabularies = ["month", "dow", "unit", "season", "pod", "trigger", "decadeword"];
        var wordsOf = vocabularies.ToDictionary(v => v, v => resources[v].Surfaces.SelectMany(Tokens).ToHashSet());
        var allWords = wordsOf.Values.SelectMany(w => w).ToHashSet();
        // Names are triggered by their head word only ("term", "administration", "Christmas"), not by "the" or "of".
        wordsOf["period"] = [.. resources["period"].Surfaces.Select(s => Tokens(s).Last())];
        wordsOf["holiday"] = [.. resources["holiday"].Surfaces.Select(s => Tokens(s).MaxBy(w => w.Length)!)];
        var byWord = new Dictionary<string, SortedSet<int>>();
        var digit = new SortedSet<int>();
        for (var i = 0; i < resources.Rules.Count; i++)
        {
            var pattern = resources.Rules[i].Pattern;
            var refs = VocabRef().Matches(pattern).Select(m => m.Groups[1].Value).ToHashSet();
            if (refs.Overlaps(["year", "day", "numeric"]) || pattern.Contains(@"\d", StringComparison.Ordinal)
                || DigitClass().IsMatch(pattern))
            {
                digit.Add(i);
            }

            var keys = refs.Where(wordsOf.ContainsKey).SelectMany(v => wordsOf[v]).ToHashSet();
            // Regex vocabularies ("%spokenyear") count by the literal words of their regex.
            var macros = string.Join(' ', refs.Select(r => resources.Vocabularies.TryGetValue(r, out var v) ? v.Regex : null).OfType<string>());
            var literal = VocabRef().Replace(GroupSyntax().Replace(pattern + " " + macros, " "), " ");
            keys.UnionWith(Tokens(literal).Where(allWords.Contains));
            foreach (var k in keys)
            {
                if (!byWord.TryGetValue(k, out var set))
                {
                    byWord[k] = set = [];
                }

                set.Add(i);
            }
        }

        return (byWord.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), [.. digit]);
    }

    private static IEnumerable<string> Tokens(string s) =>
        Word().Matches(s).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"%([a-z][a-z0-9]*)")]
    private static partial Regex VocabRef();

    [GeneratedRegex(@"\\[a-zA-Z]|\(\?<?[a-zA-Z0-9-]*[>:]|\[[^\]]*\]")]
    private static partial Regex GroupSyntax();

    [GeneratedRegex(@"\[[^\]]*\d[^\]]*\]")]
    private static partial Regex DigitClass();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Word();
}
