using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Temporal;

/// <summary>
/// Infers an article's publication date from its text: a dateline or "Published:" line, else a date written
/// with its weekday (the weekday fixes the year), else the latest explicit full date.
/// </summary>
public static partial class ArticleDateInference
{
    private const string Months =
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

    /// <summary>Never throws; <see cref="InferredDate.Date"/> is null when the text gives nothing to go on.</summary>
    public static InferredDate Infer(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new InferredDate(null, "none", 0);
        }

        try
        {
            return Published(text) ?? DateLine(text) ?? Dateline(text) ?? WeekdayDate(text) ?? LatestExplicit(text) ?? new InferredDate(null, "none", 0);
        }
        catch (Exception)
        {
            return new InferredDate(null, "none", 0);
        }
    }

    private static InferredDate? Published(string text)
    {
        var head = text.Length > 2000 ? text[..2000] : text;
        var m = PublishedLine().Match(head);
        if (!m.Success)
        {
            return null;
        }

        return ToDate(m.Groups["iso"].Value, m.Groups["month"].Value, m.Groups["day"].Value, m.Groups["year"].Value) is { } d
            ? new InferredDate(d, "published-line", 0.95)
            : null;
    }

    /// <summary>A first line that is nothing but a full date ("March 2, 2025", "Sunday, March 2, 2025", "2025-03-02").</summary>
    private static InferredDate? DateLine(string text)
    {
        var head = text.AsSpan().TrimStart();
        var end = head.IndexOf('\n');
        var line = (end < 0 ? head : head[..end]).Trim().ToString();
        var m = DateOnlyLine().Match(line);
        return m.Success && ToDate(m.Groups["iso"].Value, m.Groups["month"].Value, m.Groups["day"].Value, m.Groups["year"].Value) is { } d
            ? new InferredDate(d, "dateline", 0.85)
            : null;
    }

    private static InferredDate? Dateline(string text)
    {
        var head = text.Length > 600 ? text[..600] : text;
        var m = DatelineRegex().Match(head);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["month"].Value);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
        {
            return Safe(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, day) is { } d
                ? new InferredDate(d, "dateline", 0.9)
                : null;
        }

        var year = MentionedYears(text).DefaultIfEmpty(0).Max();
        return year > 0 && Safe(year, month, day) is { } d2 ? new InferredDate(d2, "dateline", 0.7) : null;
    }

    /// <summary>
    /// "Tuesday, May 6th": among the years near those the text mentions (the latest first, then later, then earlier),
    /// the one whose calendar puts that day on that weekday.
    /// </summary>
    private static InferredDate? WeekdayDate(string text)
    {
        foreach (Match m in WeekdayDateRegex().Matches(text))
        {
            var dow = Array.IndexOf(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], m.Groups["dow"].Value.ToLowerInvariant()) + 1;
            var month = MonthNumber(m.Groups["month"].Value);
            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["year"].Success)
            {
                if (Safe(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, day) is { } stated)
                {
                    return new InferredDate(stated, "weekday-date", 0.9);
                }

                continue;
            }

            var years = MentionedYears(text);
            var latest = years.Count > 0 ? years.Max() : DateTime.UtcNow.Year;
            foreach (var y in Candidates(latest))
            {
                if (Safe(y, month, day) is { } d && Calendar.IsoDow(d) == dow)
                {
                    return new InferredDate(d, "weekday-date", years.Count > 0 ? 0.8 : 0.5);
                }
            }
        }

        return null;
    }

    private static IEnumerable<int> Candidates(int latest)
    {
        // The latest mentioned year and the few after it come first: an article is written after what it mentions.
        for (var y = latest; y <= latest + 3; y++)
        {
            yield return y;
        }

        for (var y = latest - 1; y >= latest - 3; y--)
        {
            yield return y;
        }
    }

    private static InferredDate? LatestExplicit(string text)
    {
        DateOnly? best = null;
        foreach (Match m in FullDate().Matches(text))
        {
            if (ToDate(m.Groups["iso"].Value, m.Groups["month"].Value, m.Groups["day"].Value, m.Groups["year"].Value) is { } d
                && (best is null || d > best))
            {
                best = d;
            }
        }

        return best is { } b ? new InferredDate(b, "latest-explicit-date", 0.5) : null;
    }

    private static List<int> MentionedYears(string text)
    {
        var years = new List<int>();
        foreach (Match m in YearRegex().Matches(text))
        {
            years.Add(int.Parse(m.Value, CultureInfo.InvariantCulture));
        }

        return years;
    }

    private static DateOnly? ToDate(string iso, string month, string day, string year)
    {
        if (iso.Length > 0)
        {
            return DateOnly.TryParseExact(iso.Replace('.', '-').Replace('/', '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }

        return month.Length > 0 && int.TryParse(day, CultureInfo.InvariantCulture, out var dd) && int.TryParse(year, CultureInfo.InvariantCulture, out var yy)
            ? Safe(yy, MonthNumber(month), dd)
            : null;
    }

    private static DateOnly? Safe(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int MonthNumber(string month)
    {
        var m = month.TrimEnd('.').ToLowerInvariant();
        string[] names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < names.Length; i++)
        {
            if (m.StartsWith(names[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(?:Published|Updated|Posted|Date|Created)\s*(?:on|at)?\s*:?\s*(?:(?<iso>(?:19|20)\d\d[-./]\d\d[-./]\d\d)|(?<month>" + Months + @")\s+(?<day>\d{1,2}),?\s+(?<year>(?:19|20)\d\d))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'\- ]{1,40}),\s+(?<month>" + Months + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s+(?<year>(?:19|20)\d\d))?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"(?<dow>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?<month>" + Months + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?<year>(?:19|20)\d\d)(?!\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayDateRegex();

    [GeneratedRegex(@"(?<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?!\d)|(?<month>" + Months + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:(?<iso>(?:19|20)\d\d-\d\d-\d\d)|(?<month>" + Months + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d))(?:\s+\d{1,2}:\d\d.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"(?<![\d,.$-])(?:19[5-9]\d|20\d\d)(?![\d,]|s\b)", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();
}
