using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Web.Tests.Components;

/// <summary>Intervals and precisions, and how the timeline writes them.</summary>
internal static class DateDisplayCases
{
    public static TheoryData<string, string, DatePrecision, string> All { get; } = new()
    {
        // start, end (inclusive), precision, shown
        { "2025-03-02", "2025-03-02", DatePrecision.Day, "Sun 2 Mar 2025" },
        { "2025-02-24", "2025-02-27", DatePrecision.Range, "24\u201327 Feb 2025" },
        { "2025-02-24", "2025-03-02", DatePrecision.Week, "24 Feb \u2013 2 Mar 2025" },
        { "2024-12-30", "2025-01-05", DatePrecision.Week, "30 Dec 2024 \u2013 5 Jan 2025" },
        { "2019-02-01", "2019-02-28", DatePrecision.Month, "Feb 2019" },
        { "2020-02-01", "2020-02-29", DatePrecision.Month, "Feb 2020" },
        { "2020-07-01", "2020-09-30", DatePrecision.Quarter, "Q3 2020" },
        { "2020-01-01", "2020-12-31", DatePrecision.Year, "2020" },
        { "2020-09-01", "2020-12-31", DatePrecision.Approximate, "late 2020" },
        { "2020-01-01", "2020-04-30", DatePrecision.Approximate, "early 2020" },
        { "2020-05-01", "2020-08-31", DatePrecision.Approximate, "mid 2020" },
        { "2017-01-01", "2021-12-31", DatePrecision.Range, "2017\u20132021" },
        { "1990-01-01", "1999-12-31", DatePrecision.Decade, "1990s" },
        { "2025-01-01", "2025-03-31", DatePrecision.Range, "Jan 2025 \u2013 Mar 2025" },
        { "2024-11-01", "2025-02-28", DatePrecision.Season, "Nov 2024 \u2013 Feb 2025" },
    };

    /// <summary>Cases where the precision claims more or less than the interval shows; the interval wins.</summary>
    public static TheoryData<string, string, DatePrecision, string> Mismatched { get; } = new()
    {
        { "2025-02-24", "2025-02-27", DatePrecision.Day, "24\u201327 Feb 2025" },
        { "2020-03-01", "2020-10-31", DatePrecision.Approximate, "Mar 2020 \u2013 Oct 2020" },
        { "2020-07-01", "2020-08-31", DatePrecision.Quarter, "Jul 2020 \u2013 Aug 2020" },
        { "2025-03-05", "2025-03-01", DatePrecision.Range, "1\u20135 Mar 2025" },
        { "2025-03-02", "2025-03-02", DatePrecision.Approximate, "Sun 2 Mar 2025" },
    };
}
