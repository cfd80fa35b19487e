using System.Globalization;
using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Components;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>
/// The timeline's cards in date order, grouped by the year and month of their start, each group with its count under the
/// current filter (the facet index's month counts, not the cards loaded so far). "Load more" appends: a page that goes
/// on in the month the last one ended in adds its cards to that month. Holds only the shared card strings and a few
/// numbers per group, like the list it replaces.
/// </summary>
public sealed class TimelineGroups
{
    private readonly List<YearGroup> years = [];
    private MonthCount[] counts = [];

    /// <summary>The groups shown, in the list's order.</summary>
    public IReadOnlyList<YearGroup> Years => years;

    /// <summary>Forgets the groups and takes the month counts of a new view (oldest first, as the facet index gives them).</summary>
    public void Reset(IReadOnlyList<MonthCount> monthCounts)
    {
        years.Clear();
        counts = [.. monthCounts];
    }

    /// <summary>
    /// Adds <paramref name="items"/> (in the list's order) to their groups, each run of cards of one month rendered by
    /// <paramref name="render"/> as one string.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<TimelineItem> items, Func<IReadOnlyList<TimelineItem>, Task<MarkupString>> render)
    {
        var start = 0;
        while (start < items.Count)
        {
            var first = items[start].Event.Start;
            var end = start + 1;
            while (end < items.Count && items[end].Event.Start.Year == first.Year && items[end].Event.Start.Month == first.Month)
            {
                end++;
            }
            var run = items.Skip(start).Take(end - start).ToList();
            MonthOf(first.Year, first.Month).Cards.Add(await render(run));
            start = end;
        }
    }

    private MonthGroup MonthOf(int year, int month)
    {
        if (years.Count == 0 || years[^1].Year != year)
        {
            years.Add(new YearGroup(year, counts.Where(c => c.Year == year).Sum(c => c.Count)));
        }
        var months = years[^1].Months;
        if (months.Count == 0 || months[^1].Month != month)
        {
            months.Add(new MonthGroup(year, month, counts.FirstOrDefault(c => c.Year == year && c.Month == month).Count));
        }
        return months[^1];
    }

    /// <summary>The events of one year under the filter, and its months shown so far.</summary>
    public sealed record YearGroup(int Year, int Count)
    {
        public List<MonthGroup> Months { get; } = [];

        /// <summary>"2019 · 42 events".</summary>
        public string Heading => $"{Year.ToString(CultureInfo.InvariantCulture)} · {Count.ToString("N0", CultureInfo.InvariantCulture)} {(Count == 1 ? "event" : "events")}";
    }

    /// <summary>The events of one month under the filter, and the card strings shown so far.</summary>
    public sealed record MonthGroup(int Year, int Month, int Count)
    {
        public List<MarkupString> Cards { get; } = [];

        /// <summary>"June 2019 · 7" (a screen reader also hears "events", from <see cref="Unit"/>).</summary>
        public string Heading => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)} · {Count.ToString("N0", CultureInfo.InvariantCulture)}";

        /// <summary>The word after the count, for screen readers.</summary>
        public string Unit => Count == 1 ? "event" : "events";
    }
}
