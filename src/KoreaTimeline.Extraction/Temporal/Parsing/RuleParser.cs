using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal.Parsing;

/// <summary>Runs every rule of rules.txt in one pass of one compiled regex and records the groups each match states.</summary>
internal sealed class RuleParser : ITemporalParser
{
    private const int WordsBack = 5;
    private readonly Regex _regex;
    private readonly Regex _anchored;
    private readonly HashSet<string> _triggers;
    private readonly TemporalRule[] _rules;
    private readonly int[] _ruleGroups;
    private readonly int[] _slotGroups;

    public RuleParser(TemporalResources resources)
    {
        _rules = [.. resources.Rules];
        _regex = new Regex(
            resources.BuildCombinedPattern(),
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
        _anchored = new Regex(
            @"\G" + resources.BuildCombinedPattern(),
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
        _triggers = Triggers(resources);
        _ruleGroups = [.. Enumerable.Range(0, _rules.Length).Select(i => _regex.GroupNumberFromName("r" + i))];
        _slotGroups = [.. Enum.GetNames<Slot>().Select(n => _regex.GroupNumberFromName(n.ToLowerInvariant()))];
    }

    /// <summary>The rule that matches <paramref name="text"/> first at its earliest position, for tests of the rule examples.</summary>
    public IEnumerable<(string RuleId, string Text)> Matches(string text)
    {
        foreach (Match m in _regex.Matches(text))
        {
            yield return (_rules[RuleIndex(m)].Id, m.Value);
        }
    }

    /// <summary>
    /// Every match contains a trigger (a number or a core temporal word) and starts at most a few words before it,
    /// so the anchored regex is tried only at the word starts just before each trigger: the same matches as a
    /// full scan, at a fraction of its cost.
    /// </summary>
    public void Parse(TagContext context, List<Candidate> output)
    {
        var text = context.Text;
        var lookup = _triggers.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> starts = stackalloc int[WordsBack + 1];
        Span<char> lower = stackalloc char[32];
        var words = 0;
        var done = 0;
        try
        {
            var i = 0;
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

                starts[words % starts.Length] = start;
                words++;
                if (start < done)
                {
                    continue;
                }

                var token = text.AsSpan(start, i - start);
                var trigger = char.IsAsciiDigit(token[0]);
                if (!trigger && token.Length <= lower.Length)
                {
                    var n = token.ToLowerInvariant(lower);
                    trigger = lookup.Contains(lower[..n]);
                }

                if (!trigger)
                {
                    continue;
                }

                for (var back = Math.Min(WordsBack, words - 1); back >= 0; back--)
                {
                    var at = starts[(words - 1 - back) % starts.Length];
                    if (at < done)
                    {
                        continue;
                    }

                    if (at > 0 && text[at - 1] is '\'' or '’' && TryAt(context, at - 1, output, ref done))
                    {
                        break;
                    }

                    if (TryAt(context, at, output, ref done))
                    {
                        break;
                    }
                }

                if (done > i)
                {
                    i = done;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            context.Log("rules", "timeout: kept the matches found so far");
        }
    }

    /// <summary>The same as <see cref="Parse"/> by scanning the whole text; the tests check the two agree.</summary>
    internal void ParseFullScan(TagContext context, List<Candidate> output)
    {
        for (var m = _regex.Match(context.Text); m.Success; m = m.NextMatch())
        {
            Add(context, m, output);
        }
    }

    private bool TryAt(TagContext context, int at, List<Candidate> output, ref int done)
    {
        var m = _anchored.Match(context.Text, at);
        if (!m.Success || m.Length == 0)
        {
            return false;
        }

        Add(context, m, output);
        done = m.Index + m.Length;
        return true;
    }

    private static HashSet<string> Triggers(TemporalResources resources)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (string[])["trigger", "month", "dow", "unit", "season", "holiday", "period", "pod"])
        {
            foreach (var surface in resources[name].Surfaces)
            {
                foreach (var word in surface.Split([' ', '.', '\'', '’', '-'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length > 2 || name is "trigger" or "unit" or "month")
                    {
                        set.Add(word.ToLowerInvariant());
                    }
                }
            }
        }

        return set;
    }

    private void Add(TagContext context, Match m, List<Candidate> output)
    {
        {
            var rule = _rules[RuleIndex(m)];
            var slots = new string?[_slotGroups.Length];
            for (var s = 0; s < _slotGroups.Length; s++)
            {
                if (_slotGroups[s] >= 0 && m.Groups[_slotGroups[s]] is { Success: true } g)
                {
                    slots[s] = g.Value;
                }
            }

            var start = m.Index;
            var end = m.Index + m.Length;
            if (_slotGroups[(int)Slot.X] >= 0 && m.Groups[_slotGroups[(int)Slot.X]] is { Success: true } x)
            {
                start = x.Index;
                end = x.Index + x.Length;
            }

            var unit = _slotGroups[(int)Slot.Unit] >= 0 ? m.Groups[_slotGroups[(int)Slot.Unit]] : null;
            var c = new Candidate(start, end, rule, slots)
            {
                MatchText = m.Value,
                UnitEnd = unit is { Success: true } ? unit.Index + unit.Length : null,
            };
            output.Add(c);
            context.Log("rules", $"{rule.Id} matched \"{m.Value}\" at {m.Index}");
        }
    }

    private int RuleIndex(Match m)
    {
        for (var i = 0; i < _ruleGroups.Length; i++)
        {
            if (m.Groups[_ruleGroups[i]].Success)
            {
                return i;
            }
        }

        return 0;
    }
}
