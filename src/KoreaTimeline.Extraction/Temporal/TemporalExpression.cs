using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Temporal;

/// <summary>TimeML TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>
/// A temporal expression found in a text and normalized: its TIMEX3 type, value and mod, and for dates the
/// inclusive interval it denotes. <c>text[Start..End] == Text</c>.
/// </summary>
public sealed record TemporalExpression(
    int Start,
    int End,
    string Text,
    TimexType Type,
    string Value,
    string? Mod,
    DateInterval? Interval)
{
    public int Length => End - Start;

    /// <summary>The signal word just before the expression (<c>since</c>, <c>until</c>, <c>from</c>...), lowercase; not part of the extent.</summary>
    public string? Signal { get; init; }

    /// <summary>The id of the rule that found the expression (see Resources/temporal/rules.txt).</summary>
    public string? Rule { get; init; }
}

/// <summary>The article date, and how it was inferred.</summary>
/// <param name="Method">e.g. <c>dateline</c>, <c>weekday-date</c>, <c>latest-explicit-date</c>, <c>none</c>.</param>
/// <param name="Confidence">0..1.</param>
public sealed record InferredDate(DateOnly? Date, string Method, double Confidence);
