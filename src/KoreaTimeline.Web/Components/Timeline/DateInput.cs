using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>Which end of a date range a typed date sets: a partial date means its first day, or its last.</summary>
public enum DateBound
{
    /// <summary>"From": <c>2019</c> is 2019-01-01, <c>2019-06</c> is 2019-06-01.</summary>
    Start,

    /// <summary>"To": <c>2019</c> is 2019-12-31, <c>2019-06</c> is 2019-06-30.</summary>
    End,
}

/// <summary>The form a date was written in: a whole day, a month (<c>2019-06</c>) or a year (<c>2019</c>).</summary>
public enum DateForm
{
    /// <summary><c>2019-06-15</c>.</summary>
    Day,

    /// <summary><c>2019-06</c>.</summary>
    Month,

    /// <summary><c>2019</c>.</summary>
    Year,
}

/// <summary>A typed date read as a day, or why it could not be (<see cref="Error"/>, a sentence naming the field).</summary>
/// <param name="Date">The day; null for an empty field (no bound) or an error.</param>
/// <param name="Form">The form the date was typed in, so it can be written back the same way (<see cref="DateInput.Format"/>).</param>
public readonly record struct DateInputResult(DateOnly? Date, string? Error, DateForm Form = DateForm.Day)
{
    /// <summary>True when the text was a date or empty.</summary>
    public bool IsValid => Error is null;
}

/// <summary>
/// The timeline's date fields: a year (<c>2019</c>), a month (<c>2019-06</c>, <c>2019-6</c>) or a day (<c>2019-06-15</c>),
/// with <c>-</c>, <c>/</c> or <c>.</c> between the parts; a partial date covers its whole year or month, so "From" takes its
/// first day and "To" its last.
/// </summary>
public static partial class DateInput
{
    /// <summary>What the fields accept, as their helper text says it.</summary>
    public const string Hint = "A year (2019), a month (2019-06) or a day (2019-06-15)";

    /// <summary>The accepted forms as patterns, for the API's errors and the fields' help.</summary>
    public const string Forms = "YYYY, YYYY-MM or YYYY-MM-DD";

    /// <summary>The fields' placeholder: the three forms in as little room as a narrow field gives.</summary>
    public const string Placeholder = "YYYY[-MM[-DD]]";

    /// <summary>The helper text under the fields while no error shows.</summary>
    public const string Help = Forms + ": a year (2019), a month (2019-06) or a day (2019-06-15)";

    /// <summary>Reads <paramref name="text"/> typed in the field called <paramref name="field"/>.</summary>
    public static DateInputResult Parse(string? text, DateBound bound, string field)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return new DateInputResult(null, null);
        }
        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return Invalid(value, field);
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["month"].Success)
        {
            return new DateInputResult(bound == DateBound.Start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31), null, DateForm.Year);
        }
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return Invalid(value, field);
        }
        if (!match.Groups["day"].Success)
        {
            return new DateInputResult(bound == DateBound.Start ? new DateOnly(year, month, 1) : new DateOnly(year, month, DateTime.DaysInMonth(year, month)), null, DateForm.Month);
        }
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateInputResult(new DateOnly(year, month, day), null)
            : Invalid(value, field);
    }

    /// <summary>
    /// <paramref name="date"/> written in <paramref name="form"/> when it is that period's first day (a start) or
    /// last day (an end), as typed: <c>2019</c>, <c>2019-06</c>; else, and for <see cref="DateForm.Day"/>, the ISO day.
    /// </summary>
    public static string Format(DateOnly date, DateBound bound, DateForm form)
    {
        var isStart = bound == DateBound.Start;
        return form switch
        {
            DateForm.Year when date == (isStart ? new DateOnly(date.Year, 1, 1) : new DateOnly(date.Year, 12, 31)) =>
                date.ToString("yyyy", CultureInfo.InvariantCulture),
            DateForm.Month when date.Day == (isStart ? 1 : DateTime.DaysInMonth(date.Year, date.Month)) =>
                date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => TimelineUrl.FormatDate(date),
        };
    }

    /// <summary>The error when "From" (<paramref name="from"/>) would come after "To" (<paramref name="to"/>); null when they are in order.</summary>
    public static string? OrderError(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t && f > t
            ? $"From ({TimelineUrl.FormatDate(f)}) is after To ({TimelineUrl.FormatDate(t)}): change one of them."
            : null;

    private static DateInputResult Invalid(string value, string field) =>
        new(null, $"{field}: \u201C{(value.Length > 20 ? value[..20] + "\u2026" : value)}\u201D is not a date. Type {char.ToLowerInvariant(Hint[0])}{Hint[1..]}.");

    [GeneratedRegex(@"^(?<year>[1-9][0-9]{3})(?:[-/.](?<month>[0-9]{1,2})(?:[-/.](?<day>[0-9]{1,2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
