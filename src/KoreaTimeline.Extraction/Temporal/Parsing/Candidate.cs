using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal.Parsing;

/// <summary>
/// A temporal expression on its way through the pipeline. The slots hold what the text states (chrono's
/// "assign"); the normalizer fills Value and Interval, implying what the text leaves out from an anchor.
/// </summary>
internal sealed class Candidate(int start, int end, TemporalRule rule, string?[] slots)
{
    public int Start { get; set; } = start;
    public int End { get; set; } = end;
    public TemporalRule Rule { get; } = rule;
    public string? this[Slot slot] => slots[(int)slot];
    public bool Has(Slot slot) => slots[(int)slot] is not null;

    /// <summary>The whole text the rule matched (the extent may be narrower).</summary>
    public string MatchText { get; init; } = "";

    /// <summary>Where the unit word ends ("two days| later"), for rules that report only the duration.</summary>
    public int? UnitEnd { get; init; }

    /// <summary>A year implied by a coordinated expression ("April" in "April and July last year").</summary>
    public int? ForcedYear { get; set; }
    public string? Signal { get; set; }

    public TimexType Type { get; set; } = TimexType.Date;
    public string? Value { get; set; }
    public string? Mod { get; set; }
    public DateInterval? Interval { get; set; }

    /// <summary>The year the normalizer used, and whether the text stated it.</summary>
    public int? ResolvedYear { get; set; }
    public bool YearStated { get; set; }
    public string? Rejected { get; set; }

    public override string ToString() =>
        $"{Start}-{End} {Rule.Id} {Type} {Value ?? "?"}{(Mod is null ? "" : " mod=" + Mod)}" +
        (Interval is { } i ? $" [{i.Start:yyyy-MM-dd}..{i.End:yyyy-MM-dd} {i.Precision.Id()}]" : "") +
        (Rejected is null ? "" : " REJECTED: " + Rejected);
}
