using KoreaTimeline.Extraction.Temporal.Parsing;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal.Refining;

/// <summary>Drops bare numbers that look like years but count things or name things ("2000 troops", "Resolution 1718").</summary>
internal sealed class NegativeContextFilter(TemporalResources res) : ITemporalRefiner
{
    public void Refine(TagContext context, List<Candidate> candidates)
    {
        var text = context.Text.AsSpan();
        foreach (var c in candidates)
        {
            if (c.Rule.Kind == RuleKind.Duration && IsRate(text, c))
            {
                c.Rejected = "a rate (\"$2 million a year\"), not a duration";
                context.Log("negative", $"{c.Rule.Id} \"{context.Text[c.Start..c.End]}\" rejected: {c.Rejected}");
                continue;
            }

            if (c.Rule.Id != "year")
            {
                continue;
            }

            var prev = Words.Before(text, c.Start);
            var next = Words.After(text, c.End);
            var reason =
                res.NegativeBefore.Contains(prev) ? $"after \"{prev}\"" :
                res.NegativeAfter.Contains(next) ? $"before \"{next}\"" :
                c.Start >= 2 && text[c.Start - 1] == '-' && char.IsAsciiDigit(text[c.Start - 2]) && !Words.YearBefore(text, c.Start - 1) ? "part of a number" :
                c.End + 1 < text.Length && text[c.End] == '-' && char.IsAsciiDigit(text[c.End + 1]) && c.Start >= 1 && text[c.Start - 1] == '-' ? "part of a number" :
                null;
            if (reason is not null)
            {
                c.Rejected = reason;
                context.Log("negative", $"{c.Rule.Id} \"{context.Text[c.Start..c.End]}\" rejected: {reason}");
            }
        }

        candidates.RemoveAll(c => c.Rejected is not null);
    }

    /// <summary>"a year" after an amount ("$1.76 a year", "four flights a week", "twice a year").</summary>
    private static bool IsRate(ReadOnlySpan<char> text, Candidate c)
    {
        if (c[Slot.Num] is not { } num || !(num.Equals("a", StringComparison.OrdinalIgnoreCase) || num.Equals("an", StringComparison.OrdinalIgnoreCase))
            || c.Has(Slot.Rel) || c.Has(Slot.Approx))
        {
            return false;
        }

        var prev = Words.Before(text, c.Start);
        return prev.IndexOfAnyInRange('0', '9') >= 0 || prev is "once" or "twice" or "times" or "thrice"
            || Words.Before(text, c.Start - prev.Length - 1).IndexOfAnyInRange('0', '9') >= 0;
    }


}

/// <summary>Records the signal word before an expression ("since", "until"...): the extent excludes it, the event layer needs it.</summary>
internal sealed class SignalRefiner : ITemporalRefiner
{
    private static readonly HashSet<string> Signals =
        ["since", "until", "till", "from", "between", "by", "before", "after", "during", "in", "on", "at", "through", "to", "for", "within", "throughout", "of", "and"];

    public void Refine(TagContext context, List<Candidate> candidates)
    {
        var lookup = Signals.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[16];
        foreach (var c in candidates)
        {
            var prev = Words.Before(context.Text, c.Start);
            if (prev.Length is > 0 and <= 16)
            {
                var n = prev.ToLowerInvariant(buffer);
                if (lookup.TryGetValue(buffer[..n], out var signal))
                {
                    c.Signal = signal;
                }
            }
        }
    }
}

/// <summary>Normalizes candidates in text order so that each explicit date moves the narrative anchor for the ones after it.</summary>
internal sealed class AnchorResolver(Normalizer normalizer) : ITemporalRefiner
{
    public void Refine(TagContext context, List<Candidate> candidates)
    {
        var anchors = new Anchors(context.Text, context.Reference);
        foreach (var c in candidates)
        {
            try
            {
                normalizer.Normalize(c, anchors);
            }
            catch (ArgumentOutOfRangeException)
            {
                c.Rejected = "date out of range";
            }

            context.Log("resolve", c.ToString());
        }

        candidates.RemoveAll(c => c.Rejected is not null || c.Value is null);
    }
}

/// <summary>
/// Gives a month stated without a year the year of the expression it is coordinated with:
/// "in April and July last year", "between March and May 2024". Runs after resolution, right to left, so chains work.
/// </summary>
internal sealed class CoordinationRefiner(Normalizer normalizer) : ITemporalRefiner
{
    public void Refine(TagContext context, List<Candidate> candidates)
    {
        for (var i = candidates.Count - 2; i >= 0; i--)
        {
            var a = candidates[i];
            var b = candidates[i + 1];
            if (a.Rule.Kind != RuleKind.Date || a.YearStated || a.Has(Slot.Year) || b.ResolvedYear is not { } year
                || !(b.YearStated || b.ForcedYear is not null) || !Words.IsConnector(context.Text.AsSpan(a.End, b.Start - a.End))
                || a.ResolvedYear == year)
            {
                continue;
            }

            a.ForcedYear = year;
            var anchors = new Anchors(context.Text, context.Reference);
            normalizer.Normalize(a, anchors);
            a.YearStated = false;
            context.Log("coordination", $"{a} takes the year of \"{context.Text[b.Start..b.End]}\"");
        }
    }
}

/// <summary>
/// One moment told in two time zones: "on Thursday morning -- Wednesday afternoon in the US", "5:34 a.m. Thursday local
/// time (4:34 p.m. ET Wednesday)". The reference date is in one of the two zones, so the weekday that resolves nearer
/// to it is right as it stands, and the other is the day after or before it, not a week away.
/// </summary>
internal sealed partial class TimeZoneRefiner : ITemporalRefiner
{
    public void Refine(TagContext context, List<Candidate> candidates)
    {
        for (var i = 0; i + 1 < candidates.Count; i++)
        {
            var a = candidates[i];
            // The other zone's weekday may come after its clock time: "(4:34 p.m. ET Wednesday)".
            var b = candidates.Skip(i + 1).TakeWhile(c => c.Start - a.End <= 40).FirstOrDefault(IsBareWeekday);
            if (!IsBareWeekday(a) || b is null)
            {
                continue;
            }

            var between = context.Text.AsSpan(a.End, b.Start - a.End);
            var after = context.Text.AsSpan(b.End, Math.Min(25, context.Text.Length - b.End));
            if (between.IndexOfAny('\n', ';') >= 0 || !(between.Contains("--", StringComparison.Ordinal) || between.IndexOfAny('(', '—', '–') >= 0)
                || !(Zone().IsMatch(between) || Zone().IsMatch(after)))
            {
                continue;
            }

            var da = a.Interval!.Value.Start;
            var db = b.Interval!.Value.Start;
            var step = ((Calendar.IsoDow(da) - Calendar.IsoDow(db) + 7) % 7) switch { 1 => 1, 6 => -1, _ => 0 };
            if (step == 0 || Math.Abs(da.DayNumber - db.DayNumber) == 1)
            {
                continue;
            }

            var aNearer = Math.Abs(da.DayNumber - context.Reference.DayNumber) < Math.Abs(db.DayNumber - context.Reference.DayNumber);
            var (moved, to) = aNearer ? (b, da.AddDays(-step)) : (a, db.AddDays(step));
            MoveTo(moved, to);
            context.Log("time-zone", $"{moved} is the same moment as \"{context.Text[(aNearer ? a : b).Start..(aNearer ? a : b).End]}\" in another zone");
        }
    }

    private static bool IsBareWeekday(Candidate c) =>
        c.Has(Slot.Dow) && !c.Has(Slot.Rel) && !c.Has(Slot.Day) && c.Interval is { } i && i.Start == i.End && c.Value is { Length: >= 10 };

    private static void MoveTo(Candidate c, DateOnly day)
    {
        var shift = day.DayNumber - c.Interval!.Value.Start.DayNumber;
        c.Interval = c.Interval.Value with { Start = day, End = c.Interval.Value.End.AddDays(shift) };
        c.Value = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + c.Value![10..];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:E[SD]?T|P[SD]?T|C[SD]?T|GMT|UTC|KST|JST|local\s+time|(?:Washington|Seoul|Pyongyang|Tokyo|Beijing|New\s+York|U\.?S\.?|Korean?|Eastern|Pacific)\s+time|in\s+(?:the\s+)?(?:U\.?S\.?|United\s+States|Washington|New\s+York|Seoul|Korea|Pyongyang|Tokyo|Japan|Beijing|Europe|London))(?!\w)")]
    private static partial System.Text.RegularExpressions.Regex Zone();
}

/// <summary>Small word-level helpers over the text.</summary>
internal static class Words
{
    public static ReadOnlySpan<char> Before(ReadOnlySpan<char> text, int position)
    {
        var end = Math.Clamp(position, 0, text.Length);
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not '(' and not '"' and not '“')
        {
            start--;
        }

        return text[start..end];
    }

    public static ReadOnlySpan<char> After(ReadOnlySpan<char> text, int position)
    {
        var start = position;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '%'))
        {
            end++;
        }

        return text[start..end];
    }

    public static bool YearBefore(ReadOnlySpan<char> text, int position)
    {
        if (position < 4)
        {
            return false;
        }

        var s = text[(position - 4)..position];
        return (s.StartsWith("19") || s.StartsWith("20")) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
            && (position == 4 || !char.IsAsciiDigit(text[position - 5]));
    }

    public static bool IsConnector(ReadOnlySpan<char> between)
    {
        var t = between.Trim();
        if (t.IsEmpty || t is "-" or "–" or "—" or ",")
        {
            return true;
        }

        if (t.StartsWith(","))
        {
            t = t[1..].TrimStart();
        }

        foreach (var w in (ReadOnlySpan<string>)["and", "or", "to", "through", "until", "till", "and in", "or in", "and again in", "and then in"])
        {
            if (t.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
