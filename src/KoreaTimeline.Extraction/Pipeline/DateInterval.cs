namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>An inclusive interval of days with the precision it is known to.</summary>
public readonly record struct DateInterval(DateOnly Start, DateOnly End, DatePrecision Precision)
{
    public static DateInterval Day(DateOnly day) => new(day, day, DatePrecision.Day);

    public static DateInterval Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), DatePrecision.Month);

    public static DateInterval Year(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);

    public bool Overlaps(DateInterval other) => Start <= other.End && other.Start <= End;
}
