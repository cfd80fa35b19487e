using System.Globalization;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Temporal;

/// <summary>The granularity a TIMEX3 value is written at.</summary>
internal enum Granularity
{
    Day, Week, Month, Quarter, Season, Year, Decade, Century,
}

/// <summary>Calendar arithmetic and TIMEX3 formatting.</summary>
internal static class Calendar
{
    public static readonly DateOnly MinDate = new(1, 1, 1);

    public static string Y4(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
    public static string D2(int n) => n.ToString("D2", CultureInfo.InvariantCulture);
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>1 = Monday .. 7 = Sunday.</summary>
    public static int IsoDow(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    public static int Quarter(DateOnly d) => (d.Month - 1) / 3 + 1;

    public static bool Valid(int year) => year is >= 1 and <= 9998;

    public static string Format(DateOnly d, Granularity g) => g switch
    {
        Granularity.Day => Day(d),
        Granularity.Week => $"{Y4(ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)))}-W{D2(ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)))}",
        Granularity.Month => $"{Y4(d.Year)}-{D2(d.Month)}",
        Granularity.Quarter => $"{Y4(d.Year)}-Q{Quarter(d)}",
        Granularity.Year => Y4(d.Year),
        Granularity.Decade => Y4(d.Year)[..3],
        Granularity.Century => Y4(d.Year)[..2],
        _ => Y4(d.Year),
    };

    public static DateInterval Interval(DateOnly d, Granularity g) => g switch
    {
        Granularity.Day => DateInterval.Day(d),
        Granularity.Week => new(Monday(d), Monday(d).AddDays(6), DatePrecision.Week),
        Granularity.Month => DateInterval.Month(d.Year, d.Month),
        Granularity.Quarter => QuarterInterval(d.Year, Quarter(d)),
        Granularity.Decade => new(new(d.Year / 10 * 10, 1, 1), new(d.Year / 10 * 10 + 9, 12, 31), DatePrecision.Decade),
        Granularity.Century => new(new(Math.Max(1, d.Year / 100 * 100), 1, 1), new(d.Year / 100 * 100 + 99, 12, 31), DatePrecision.Century),
        _ => DateInterval.Year(d.Year),
    };

    public static DateInterval QuarterInterval(int year, int q) =>
        new(new(year, q * 3 - 2, 1), new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1), DatePrecision.Quarter);

    public static DateOnly Shift(DateOnly d, Granularity g, int n) => g switch
    {
        Granularity.Day => d.AddDays(n),
        Granularity.Week => d.AddDays(7 * n),
        Granularity.Month => d.AddMonths(n),
        Granularity.Quarter => d.AddMonths(3 * n),
        Granularity.Season => d.AddMonths(3 * n),
        Granularity.Year => d.AddYears(n),
        Granularity.Decade => d.AddYears(10 * n),
        _ => d.AddYears(100 * n),
    };

    /// <summary>Season code (SP, SU, FA, WI) of a year: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb.</summary>
    public static DateInterval Season(int year, string code)
    {
        var startMonth = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        var start = new DateOnly(year, startMonth, 1);
        return new(start, start.AddMonths(3).AddDays(-1), DatePrecision.Season);
    }

    /// <summary>Thanksgiving style rules: MM-DD, MM-TH4 (4th Thursday), MM-MO1, MM-MOL (last Monday).</summary>
    public static DateOnly? Holiday(int year, string rule)
    {
        var month = int.Parse(rule.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var rest = rule[3..];
        if (int.TryParse(rest, CultureInfo.InvariantCulture, out var day))
        {
            return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        var dow = rest[..2] switch { "MO" => 1, "TU" => 2, "WE" => 3, "TH" => 4, "FR" => 5, "SA" => 6, _ => 7 };
        if (rest[2] == 'L')
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-((IsoDow(last) - dow + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        var firstMatch = first.AddDays((dow - IsoDow(first) + 7) % 7);
        return firstMatch.AddDays(7 * (rest[2] - '1'));
    }
}
