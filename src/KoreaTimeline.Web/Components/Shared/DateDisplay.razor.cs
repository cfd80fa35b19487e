using System.Globalization;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.AspNetCore.Components;

namespace KoreaTimeline.Web.Components.Shared;

/// <summary>
/// A date shown as precisely as it is known and no more, with the phrase that dated it as a tooltip.
/// </summary>
public partial class DateDisplay
{
    private const string EnDash = "\u2013";
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>First day of the inclusive interval.</summary>
    [Parameter, EditorRequired] public required DateOnly Start { get; set; }

    /// <summary>Last day of the inclusive interval.</summary>
    [Parameter, EditorRequired] public required DateOnly End { get; set; }

    /// <summary>How precisely the interval is known.</summary>
    [Parameter, EditorRequired] public required DatePrecision Precision { get; set; }

    /// <summary>The phrase that dated the event, as written; shown as a tooltip.</summary>
    [Parameter] public string? DateText { get; set; }

    /// <summary>How precisely the date is known, in words; shown beside any date that is not one day.</summary>
    private static string PrecisionLabel(DatePrecision precision) => precision switch
    {
        DatePrecision.Approximate => "approx.",
        DatePrecision.Range => "range",
        _ => precision.Id(),
    };

    private static string IsoValue(DateOnly start, DateOnly end) => start == end
        ? start.ToString("yyyy-MM-dd", Culture)
        : $"{start.ToString("yyyy-MM-dd", Culture)}/{end.ToString("yyyy-MM-dd", Culture)}";

    private static string Title(DatePrecision precision, string? dateText) => string.IsNullOrWhiteSpace(dateText)
        ? $"{precision.Id()} precision"
        : $"\u201C{dateText}\u201D ({precision.Id()} precision)";

    /// <summary>
    /// Formats an inclusive interval: "Sun 2 Mar 2025", "24–27 Feb 2025", "Feb 2019", "Q3 2020", "2020",
    /// "late 2020", "1990s", "2017–2021", "Jan 2025 – Mar 2025".
    /// </summary>
    public static string Format(DateOnly start, DateOnly end, DatePrecision precision)
    {
        if (end < start)
        {
            (start, end) = (end, start);
        }

        switch (precision)
        {
            case DatePrecision.Day when start == end:
                return Day(start);
            case DatePrecision.Quarter when IsQuarter(start, end):
                return $"Q{(start.Month - 1) / 3 + 1} {start.Year}";
            case DatePrecision.Decade when IsWholeYears(start, end) && start.Year % 10 == 0 && end.Year == start.Year + 9:
                return $"{start.Year}s";
            case DatePrecision.Approximate when ApproximatePart(start, end) is { } part:
                return $"{part} {start.Year}";
        }
        return Interval(start, end);
    }

    /// <summary>The plain interval, from the dates alone.</summary>
    private static string Interval(DateOnly start, DateOnly end)
    {
        if (start == end)
        {
            return Day(start);
        }
        if (IsWholeYears(start, end))
        {
            return start.Year == end.Year ? Year(start) : $"{Year(start)}{EnDash}{Year(end)}";
        }
        if (IsWholeMonths(start, end))
        {
            return start.Year == end.Year && start.Month == end.Month
                ? Month(start)
                : $"{Month(start)} {EnDash} {Month(end)}";
        }
        if (start.Year == end.Year && start.Month == end.Month)
        {
            return $"{start.Day}{EnDash}{end.Day} {Month(end)}";
        }
        return start.Year == end.Year
            ? $"{start.ToString("d MMM", Culture)} {EnDash} {end.ToString("d MMM yyyy", Culture)}"
            : $"{start.ToString("d MMM yyyy", Culture)} {EnDash} {end.ToString("d MMM yyyy", Culture)}";
    }

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", Culture);

    private static string Month(DateOnly date) => date.ToString("MMM yyyy", Culture);

    private static string Year(DateOnly date) => date.Year.ToString(Culture);

    private static bool IsLastDayOfMonth(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static bool IsWholeMonths(DateOnly start, DateOnly end) => start.Day == 1 && IsLastDayOfMonth(end);

    private static bool IsWholeYears(DateOnly start, DateOnly end) =>
        start is { Month: 1, Day: 1 } && end is { Month: 12, Day: 31 };

    private static bool IsQuarter(DateOnly start, DateOnly end) =>
        start.Year == end.Year && IsWholeMonths(start, end) && (start.Month - 1) % 3 == 0 && end.Month == start.Month + 2;

    /// <summary>"early", "mid" or "late" when the interval is exactly that third of one year.</summary>
    private static string? ApproximatePart(DateOnly start, DateOnly end)
    {
        if (start.Year != end.Year || !IsWholeMonths(start, end))
        {
            return null;
        }
        return (start.Month, end.Month) switch
        {
            (1, 4) => "early",
            (5, 8) => "mid",
            (9, 12) => "late",
            _ => null,
        };
    }
}
