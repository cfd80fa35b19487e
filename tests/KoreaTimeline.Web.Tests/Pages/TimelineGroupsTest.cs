using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>
/// The list on <c>/</c> under year and month headings whose counts follow the filter (the facet index's month counts),
/// across "load more" pages, and without them in relevance order.
/// </summary>
public sealed partial class TimelineGroupsTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>The texts of the h2 (years) or h3 (months) group headings, in document order.</summary>
    private static List<string> Headings(string html, int level) =>
        Heading().Matches(html).Where(m => m.Groups[1].Value == (level == 2 ? "h2" : "h3") && m.Groups[2].Value == (level == 2 ? "year" : "month"))
            .Select(m => Regex.Replace(m.Groups[3].Value, "<[^>]+>", "").Trim()).ToList();

    [Fact]
    public async Task Without_filters_years_and_months_head_the_list_with_their_counts()
    {
        var html = await GetAsync("/");

        Assert.Equal(["2022 · 1 event", "2020 · 1 event", "2019 · 3 events", "2018 · 3 events", "2017 · 4 events"], Headings(html, 2));
        Assert.Equal(
            ["November 2022 · 1 event", "September 2020 · 1 event", "June 2019 · 1 event", "May 2019 · 1 event", "February 2019 · 1 event",
             "June 2018 · 2 events", "April 2018 · 1 event", "December 2017 · 1 event", "September 2017 · 1 event", "August 2017 · 2 events"],
            Headings(html, 3));
        // Under the month headings the cards' titles are h4, so the outline reads year > month > event.
        Assert.Matches("<h4[^>]*class=\"[^\"]*event-title", html);
        Assert.DoesNotMatch("<h2[^>]*class=\"[^\"]*event-title", html);
    }

    [Fact]
    public async Task Counts_follow_the_filter_and_the_order()
    {
        var html = await GetAsync("/?type=missile_test&type=summit&sort=date-asc");

        Assert.Equal(["2018 · 1 event", "2019 · 2 events", "2022 · 1 event"], Headings(html, 2));
        Assert.Equal(["June 2018 · 1 event", "February 2019 · 1 event", "May 2019 · 1 event", "November 2022 · 1 event"], Headings(html, 3));
    }

    [Fact]
    public async Task A_search_in_date_order_is_grouped_by_its_matches()
    {
        var html = await GetAsync("/?q=summit&sort=date");

        Assert.Equal(["2019 · 1 event", "2018 · 2 events"], Headings(html, 2));
    }

    [Fact]
    public async Task Relevance_order_has_no_date_headings()
    {
        var html = await GetAsync("/?q=summit");

        Assert.Contains("best match first", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"year-heading\"", html, StringComparison.Ordinal);
        Assert.Empty(Headings(html, 3));
        Assert.Matches("<h2[^>]*class=\"[^\"]*event-title", html);
    }

    [Fact]
    public async Task Month_counts_apply_every_filter_including_the_dates()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();

        var facets = await queries.GetFacetsAsync(new TimelineFilter { From = new DateOnly(2018, 1, 1), To = new DateOnly(2019, 5, 31) }, cancellationToken: Cancellation);

        Assert.Equal([new MonthCount(2018, 4, 1), new MonthCount(2018, 6, 2), new MonthCount(2019, 2, 1), new MonthCount(2019, 5, 1)], facets.Months);
        // The year bars keep ignoring the date filter.
        Assert.Contains(facets.Years, y => y.Year == 2017);
    }

    [Fact]
    public async Task Load_more_continues_the_month_a_page_ended_in_and_counts_the_whole_view()
    {
        static TimelineItem Item(int id, int year, int month, int day) =>
            new(new EventSummary(id, $"Event {id}", $"event-{id}", EventType.Statement, new DateOnly(year, month, day), new DateOnly(year, month, day),
                DatePrecision.Day, null, null, []));
        var groups = new TimelineGroups();
        groups.Reset([new MonthCount(2018, 12, 9), new MonthCount(2019, 1, 4), new MonthCount(2019, 2, 40)]);
        var rendered = new List<int>();
        Task<MarkupString> Render(IReadOnlyList<TimelineItem> run)
        {
            rendered.Add(run.Count);
            return Task.FromResult(new MarkupString(string.Join(",", run.Select(i => i.Event.Id))));
        }

        await groups.AppendAsync([Item(1, 2019, 2, 20), Item(2, 2019, 2, 3)], Render);
        await groups.AppendAsync([Item(3, 2019, 2, 1), Item(4, 2019, 1, 5), Item(5, 2018, 12, 30)], Render);

        Assert.Equal([2019, 2018], groups.Years.Select(y => y.Year));
        Assert.Equal("2019 · 44 events", groups.Years[0].Heading);
        Assert.Equal(["February 2019 · 40", "January 2019 · 4"], groups.Years[0].Months.Select(m => m.Heading));
        // The second page's first card joins February: no second February heading.
        Assert.Equal(["1,2", "3"], groups.Years[0].Months[0].Cards.Select(c => c.Value));
        Assert.Equal("December 2018 · 9", groups.Years[1].Months.Single().Heading);
        Assert.Equal([2, 1, 1, 1], rendered);
    }

    [GeneratedRegex("<(h[23])[^>]*data-testid=\"(year|month)-heading\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
