namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>How precisely an interval is known; the contract's <c>precision</c> values.</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
    Range,
    Approximate,
}

public static class DatePrecisions
{
    private static readonly string[] Ids =
        ["day", "week", "month", "quarter", "season", "year", "decade", "century", "range", "approximate"];

    /// <summary>The contract id, e.g. <c>month</c>.</summary>
    public static string Id(this DatePrecision precision) => Ids[(int)precision];

    public static bool TryParse(string? id, out DatePrecision precision)
    {
        var i = Array.IndexOf(Ids, id);
        precision = i < 0 ? DatePrecision.Day : (DatePrecision)i;
        return i >= 0;
    }
}
