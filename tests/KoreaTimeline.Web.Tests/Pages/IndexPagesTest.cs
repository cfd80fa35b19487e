using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The actor and article indexes as their first, prerendered response: counts, sorting, search, paging.</summary>
public sealed partial class IndexPagesTest(SourcedTimelineAppFactory app) : IClassFixture<SourcedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static List<string> ActorRows(string html) => ActorRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static List<int> ArticleRows(string html) => ArticleRow().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static List<int> Counts(string html) => CountCell().Matches(html).Select(m => int.Parse(m.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private async Task<TimelineDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);

    [Fact]
    public async Task Actors_list_every_actor_with_its_event_count_most_first_in_pages_of_fifty()
    {
        await using var db = await DbAsync();
        var expected = await db.Actors.Select(a => new { a.Slug, Count = a.Events.Count }).ToDictionaryAsync(a => a.Slug, a => a.Count, Cancellation);

        var (status, page1) = await GetAsync("/actors");
        var (_, page2) = await GetAsync("/actors?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = ActorRows(page1).Concat(ActorRows(page2)).ToList();
        Assert.Equal(50, ActorRows(page1).Count);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Keys.Order(), rows.Order());
        var counts = Counts(page1).Concat(Counts(page2)).ToList();
        Assert.Equal(rows.Select(r => expected[r]), counts);
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Contains($"Page 1 of 2 · {expected.Count} actors", page1, StringComparison.Ordinal);
        Assert.Contains("href=\"/actors?page=2\" rel=\"next\"", page1, StringComparison.Ordinal);
        Assert.Contains("href=\"/actors\" rel=\"prev\"", page2, StringComparison.Ordinal);
        Assert.Contains("href=\"/actors/china\">China</a>", page1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actors_sort_by_name_and_by_latest_event()
    {
        var (_, byName) = await GetAsync("/actors?sort=name");
        var (_, byLatest) = await GetAsync("/actors?sort=latest&page=2");

        var names = ActorRows(byName);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/actors?sort=name\"", byName, StringComparison.Ordinal);
        // The second page by latest event holds the index actors (last events 1930-1989), newest first.
        var latest = ActorRows(byLatest).Where(s => s.StartsWith("index-actor-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(latest);
        Assert.Equal(latest.OrderDescending(StringComparer.Ordinal), latest);
        Assert.Contains("href=\"/actors?sort=latest\" rel=\"prev\"", byLatest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actors_search_by_name_keeps_the_sort_and_shows_first_and_last_dates_and_country()
    {
        var (_, html) = await GetAsync("/actors?q=Index+actor+0&sort=name");
        var (_, none) = await GetAsync("/actors?q=zeppelin");
        var (_, states) = await GetAsync("/actors?q=united");

        Assert.Equal(Enumerable.Range(0, 10).Select(k => $"index-actor-{k:D2}"), ActorRows(html));
        Assert.Contains("value=\"Index actor 0\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"sort\" value=\"name\"", html, StringComparison.Ordinal);
        // Index actor 04 has five events, June 1930 to June 1934.
        var row = html[html.IndexOf("data-actor=\"index-actor-04\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches(">5<", row);
        Assert.Matches("(?s)1 Jun 1930.*1 Jun 1934", row);
        Assert.Contains("data-testid=\"index-empty\"", none, StringComparison.Ordinal);
        var unitedStates = states[states.IndexOf("data-actor=\"united-states\"", StringComparison.Ordinal)..];
        Assert.Matches("^[^§]*?<td>country</td>\\s*<td>United States</td>", unitedStates);
        Assert.Equal("North Korea", new ActorStat(1, new ActorSummary("kim-jong-un", "Kim Jong-un", "person"), 1, null, null).Country);
    }

    [Theory]
    [InlineData("/actors?page=999", "Page 2 of 2")]
    [InlineData("/actors?page=-3&sort=bogus", "Page 1 of 2")]
    [InlineData("/articles?page=abc", "Page 1 of 2")]
    public async Task Bad_page_numbers_and_sorts_fall_back_never_fail(string path, string status)
    {
        var (code, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains(status, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_list_newest_first_with_outlet_date_and_event_count()
    {
        await using var db = await DbAsync();
        var expected = await db.Articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, Count = a.Evidence.Select(v => v.EventId).Distinct().Count() }).ToListAsync(Cancellation);

        var (status, page1) = await GetAsync("/articles");
        var (_, page2) = await GetAsync("/articles?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Select(a => a.Id), ArticleRows(page1).Concat(ArticleRows(page2)));
        Assert.Equal(expected.Select(a => a.Count), Counts(page1).Concat(Counts(page2)));
        Assert.Contains($"Page 1 of 2 · {expected.Count} articles", page1, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{app.Sample!.Article.Id}\">Sample article on port calls and tests</a>", page1, StringComparison.Ordinal);
        // Untitled articles by their headline, never their file.
        Assert.Contains($"href=\"/articles/{app.Addressed.Id}\">Carrier group sails into Busan</a>", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-03-05-wire", page1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_sort_by_events_and_title_and_search_title_and_outlet()
    {
        var (_, byEvents) = await GetAsync("/articles?sort=events");
        var (_, byTitle) = await GetAsync("/articles?sort=title&q=index");
        var (_, byOutlet) = await GetAsync("/articles?q=OUTLET+1");
        var (_, byHeadline) = await GetAsync("/articles?q=busan");

        var counts = Counts(byEvents);
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(20, counts[0]);
        var titles = TitleCell().Matches(byTitle).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(SourcedTimelineAppFactory.EmptyArticles, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Ordinal), titles);
        Assert.Equal(Enumerable.Range(0, SourcedTimelineAppFactory.EmptyArticles).Count(k => k % 3 == 1), ArticleRows(byOutlet).Count);
        Assert.Equal([app.Addressed.Id], ArticleRows(byHeadline));
    }

    [Fact]
    public async Task Index_queries_page_in_sql_and_clamp_the_page()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();

        var last = await queries.GetArticleIndexAsync(null, ArticleIndexSort.Count, 99, 10, Cancellation);
        var actors = await queries.GetActorIndexAsync("index actor", ActorIndexSort.Count, 1, 7, Cancellation);

        Assert.Equal(last.Pages, last.Page);
        Assert.Equal(SourcedTimelineAppFactory.IndexActors, actors.Total);
        Assert.Equal(7, actors.Rows.Count);
        Assert.All(actors.Rows, a => Assert.Equal(5, a.Count));
    }

    [Fact]
    public async Task The_app_bar_links_to_the_indexes_and_the_comparison()
    {
        var (_, html) = await GetAsync("/");

        Assert.Matches("<nav class=\"app-nav[^>]*aria-label=\"Sections\"[^>]*>\\s*<a href=\"/actors\">Actors</a>\\s*<a href=\"/articles\">Articles</a>\\s*<a href=\"/compare\">Compare</a>", html);
    }

    [GeneratedRegex("<tr data-actor=\"([^\"]+)\">")]
    private static partial Regex ActorRow();

    [GeneratedRegex("<tr data-article-id=\"(\\d+)\">")]
    private static partial Regex ArticleRow();

    [GeneratedRegex("data-testid=\"event-count\">([\\d,]+)<")]
    private static partial Regex CountCell();

    [GeneratedRegex("<th scope=\"row\"><a href=\"/articles/\\d+\">([^<]+)</a>")]
    private static partial Regex TitleCell();
}
