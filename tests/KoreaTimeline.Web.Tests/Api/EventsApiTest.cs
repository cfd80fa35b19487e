using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Components.Timeline;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using KoreaTimeline.Tests.Shared;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>The JSON API over the invented timeline: every filter, paging, problem details and 404s.</summary>
public class EventsApiTest(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private async Task<ApiEventPage> GetPageAsync(string query)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/events" + query, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ApiEventPage>(Json, Cancellation))!;
    }

    private int IdOf(string title) => app.Events.Single(e => e.Title == title).Id;

    private List<int> IdsWhere(Func<InventedTimeline.Spec, bool> predicate) =>
        InventedTimeline.Specs.Where(predicate).Select(s => IdOf(s.Title)).ToList();

    [Fact]
    public async Task Without_filters_every_event_comes_newest_first_with_its_permalink_and_codes()
    {
        var page = await GetPageAsync("?limit=200");

        Assert.Equal(InventedTimeline.Specs.Count, page.Total);
        Assert.Null(page.Next);
        Assert.Equal(app.Events.OrderByDescending(e => e.Start).ThenByDescending(e => e.Id).Select(e => e.Id), page.Items.Select(i => i.Id));
        var test = page.Items.Single(i => i.Title == "Underground nuclear test detected");
        var stored = app.Events.Single(e => e.Id == test.Id);
        Assert.Equal($"http://localhost/events/{stored.Id}/{stored.Slug}", test.Url);
        Assert.Equal("nuclear_test", test.Type);
        Assert.Equal("150", test.Cameo);
        Assert.Equal(EventTypes.All[(int)EventType.NuclearTest].Plover, test.Plover);
        Assert.Equal(new DateOnly(2017, 9, 3), test.Date);
        Assert.Equal("day", test.Precision);
        Assert.Equal(["Kim Jong-un", "North Korea"], test.Actors.Select(a => a.Name));
        Assert.Equal("http://localhost/actors/kim-jong-un", test.Actors[0].Url);
        Assert.Null(test.Quotes);
    }

    [Fact]
    public async Task Actors_combine_with_and()
    {
        var page = await GetPageAsync("?actor=kim-jong-un&actor=donald-trump");

        Assert.Equal(IdsWhere(s => s.Actors.Contains("kim-jong-un") && s.Actors.Contains("donald-trump")).Order(), page.Items.Select(i => i.Id).Order());
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Types_combine_with_or()
    {
        var page = await GetPageAsync("?type=summit&type=missile_test");

        Assert.Equal(IdsWhere(s => s.Type is EventType.Summit or EventType.MissileTest).Order(), page.Items.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Dates_keep_events_whose_interval_overlaps_the_range()
    {
        // The deployment (2020-09-01..2020-12-31) overlaps a range that starts inside it.
        var page = await GetPageAsync("?from=2020-12-01&to=2023-01-01");

        Assert.Equal(IdsWhere(s => s.End >= new DateOnly(2020, 12, 1) && s.Start <= new DateOnly(2023, 1, 1)).Order(), page.Items.Select(i => i.Id).Order());
        Assert.Contains(IdOf("Carrier group sent to the region"), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Oldest_first_reverses_the_order()
    {
        var page = await GetPageAsync("?sort=date-asc");

        Assert.Equal(app.Events.OrderBy(e => e.Start).ThenBy(e => e.Id).Select(e => e.Id), page.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("?q=missile")]
    [InlineData("?q=summit&sort=date")]
    [InlineData("?q=pan*")]
    [InlineData("?q=%22joint+drills%22")]
    [InlineData("?q=NOT+col:x+*")]
    [InlineData("?actor=north-korea&type=missile_test&type=nuclear_test&from=2017-01-01&to=2019-12-31")]
    [InlineData("?actor=japan&sort=date-asc")]
    [InlineData("?actor=nobody-at-all")]
    [InlineData("?q=summit&actor=kim-jong-un&sort=relevance")]
    [InlineData("?from=2018-01-01")]
    [InlineData("?to=2017-12-31")]
    public async Task A_view_lists_exactly_what_the_timeline_page_lists_in_the_same_order(string query)
    {
        var page = await GetPageAsync(query + "&limit=200");

        var args = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? One(string key) => args.TryGetValue(key, out var v) ? v.ToString() : null;
        string[]? Many(string key) => args.TryGetValue(key, out var v) ? v.Select(x => x ?? "").ToArray() : null;
        var filter = TimelineUrl.Parse(One("q"), Many("actor"), Many("type"), One("from"), One("to"), One("sort"), 200);
        var expected = await app.Services.GetRequiredService<TimelineQueries>().GetPageAsync(filter, Cancellation);
        Assert.Equal(expected.Total, page.Total);
        Assert.Equal(expected.Items.Select(i => i.Event.Id), page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Search_finds_words_in_titles_and_quotes()
    {
        var page = await GetPageAsync("?q=harbour");

        Assert.Equal([IdOf("Leaders meet at an invented summit")], page.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 5)]
    [InlineData("?sort=date-asc", 5)]
    [InlineData("?q=summit", 1)]
    [InlineData("?actor=north-korea", 2)]
    public async Task Cursor_pages_cover_the_view_once_each_in_order(string query, int limit)
    {
        var whole = await GetPageAsync(query + (query.Length == 0 ? "?" : "&") + "limit=200");
        var seen = new List<int>();
        var url = "/api/events" + query + (query.Length == 0 ? "?" : "&") + $"limit={limit}";
        using var client = app.CreateClient();
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages <= whole.Total, "paging does not end");
            var page = (await client.GetFromJsonAsync<ApiEventPage>(new Uri(url, UriKind.RelativeOrAbsolute), Json, Cancellation))!;
            Assert.True(page.Items.Count <= limit);
            Assert.Equal(whole.Total, page.Total);
            seen.AddRange(page.Items.Select(i => i.Id));
            Assert.Equal(page.Next is null, page.NextUrl is null);
            url = page.NextUrl;
        }
        Assert.Equal(whole.Items.Select(i => i.Id), seen);
    }

    [Fact]
    public async Task The_last_page_has_no_cursor_and_an_empty_view_is_an_empty_page()
    {
        var exact = await GetPageAsync($"?limit={InventedTimeline.Specs.Count}");
        var none = await GetPageAsync("?q=zeppelin");

        Assert.Equal(InventedTimeline.Specs.Count, exact.Items.Count);
        Assert.Null(exact.Next);
        Assert.Empty(none.Items);
        Assert.Equal(0, none.Total);
        Assert.Null(none.Next);
    }

    [Theory]
    [InlineData("?type=bogus", "type")]
    [InlineData("?type=summit&type=Summitt", "type")]
    [InlineData("?from=2019-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2020-01-01&to=2019-01-01", "to")]
    [InlineData("?sort=newest", "sort")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?cursor=garbage", "cursor")]
    [InlineData("?cursor=2019-02-30_4", "cursor")]
    [InlineData("?cursor=o50", "cursor")]
    [InlineData("?q=summit&cursor=2019-01-01_3", "cursor")]
    [InlineData("?actor=a&actor=b&actor=c&actor=d&actor=e&actor=f&actor=g&actor=h&actor=i&actor=j&actor=k", "actor")]
    [InlineData("?actor=", "actor")]
    public async Task Bad_parameters_answer_400_problem_details_naming_the_parameter(string query, string parameter)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/events" + query, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), $"errors name {parameter}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Theory]
    [InlineData("/api/types?type=bogus", "type")]
    [InlineData("/api/actors?from=2019-1-32", "from")]
    [InlineData("/api/actors?limit=501", "limit")]
    [InlineData("/export/csv?to=nope", "to")]
    [InlineData("/export/pdf", "format")]
    public async Task Other_endpoints_refuse_bad_parameters_the_same_way(string path, string parameter)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/api/events/999999")]
    [InlineData("/api/articles/999999")]
    [InlineData("/api/actors/nobody-at-all")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/events/not-a-number")]
    public async Task Unknown_ids_and_routes_answer_404_problem_details(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task One_event_has_its_quotes_articles_and_a_citation()
    {
        var stored = app.Events.Single(e => e.Title == "Brief meeting in the demilitarized zone");
        using var client = app.CreateClient();

        var e = (await client.GetFromJsonAsync<ApiEvent>(new Uri($"/api/events/{stored.Id}", UriKind.Relative), Json, Cancellation))!;

        Assert.Equal(stored.Title, e.Title);
        Assert.Equal("meeting", e.Type);
        Assert.Equal("Panmunjom", e.Location);
        var quote = Assert.Single(e.Quotes!);
        Assert.Equal(stored.Evidence[0].Text, quote.Text);
        Assert.Equal(stored.Evidence[0].Text, e.Quote);
        Assert.Equal("Invented Wire", quote.Outlet);
        Assert.Equal($"http://localhost/articles/{quote.ArticleId}", quote.ArticleUrl);
        Assert.Contains(e.Url, e.Citation, StringComparison.Ordinal);
        Assert.Contains("Invented Wire", e.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Types_list_every_type_with_codes_and_counts_under_the_other_filters()
    {
        using var client = app.CreateClient();

        var all = (await client.GetFromJsonAsync<List<ApiType>>(new Uri("/api/types", UriKind.Relative), Json, Cancellation))!;
        var kim = (await client.GetFromJsonAsync<List<ApiType>>(new Uri("/api/types?actor=kim-jong-un&type=summit", UriKind.Relative), Json, Cancellation))!;

        Assert.Equal(EventTypes.All.Select(t => t.Id), all.Select(t => t.Id));
        foreach (var type in EventTypes.All)
        {
            Assert.Equal(InventedTimeline.Specs.Count(s => s.Type == type.Type), all.Single(t => t.Id == type.Id).Count);
            Assert.Equal(InventedTimeline.Specs.Count(s => s.Type == type.Type && s.Actors.Contains("kim-jong-un")), kim.Single(t => t.Id == type.Id).Count);
        }
        Assert.Equal("057", all.Single(t => t.Id == "agreement").Cameo);
        Assert.Null(all.Single(t => t.Id == "other").Cameo);
    }

    [Fact]
    public async Task Actors_are_counted_within_the_view_and_can_be_searched_by_name()
    {
        using var client = app.CreateClient();

        var all = (await client.GetFromJsonAsync<List<ApiActorCount>>(new Uri("/api/actors", UriKind.Relative), Json, Cancellation))!;
        var summits = (await client.GetFromJsonAsync<List<ApiActorCount>>(new Uri("/api/actors?type=summit", UriKind.Relative), Json, Cancellation))!;
        var named = (await client.GetFromJsonAsync<List<ApiActorCount>>(new Uri("/api/actors?name=kor", UriKind.Relative), Json, Cancellation))!;
        var one = (await client.GetFromJsonAsync<ApiActorDetail>(new Uri("/api/actors/japan", UriKind.Relative), Json, Cancellation))!;

        foreach (var (slug, _) in InventedTimeline.ActorNames)
        {
            Assert.Equal(InventedTimeline.Specs.Count(s => s.Actors.Contains(slug)), all.Single(a => a.Slug == slug).Count);
        }
        Assert.Equal(2, summits.Single(a => a.Slug == "kim-jong-un").Count);
        Assert.DoesNotContain(summits, a => a.Slug == "japan" && a.Count > 0);
        Assert.Equal(["north-korea", "south-korea"], named.Select(a => a.Slug).Order());
        Assert.Equal(1, one.Total);
        Assert.Equal("http://localhost/api/events?actor=japan", one.EventsUrl);
    }

    [Fact]
    public async Task An_article_has_its_text_and_the_spans_of_its_events()
    {
        var articleId = app.Events[0].Evidence[0].ArticleId;
        using var client = app.CreateClient();

        var article = (await client.GetFromJsonAsync<ApiArticle>(new Uri($"/api/articles/{articleId}", UriKind.Relative), Json, Cancellation))!;

        Assert.Equal("Invented Wire", article.Outlet);
        Assert.Equal(InventedTimeline.Specs.Count, article.Quotes.Count);
        foreach (var quote in article.Quotes)
        {
            Assert.Equal(InventedTimeline.Specs.Single(s => s.Title == quote.EventTitle).Quote, article.Text[quote.Start..quote.End]);
            Assert.StartsWith($"http://localhost/events/{quote.EventId}/", quote.EventUrl, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints_and_the_reference_page_serves()
    {
        using var client = app.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));
        using var page = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative), Cancellation);

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/actors", "/api/types", "/api/articles/{id}", "/export/{format}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is documented");
        }
        var parameters = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equivalent(new[] { "q", "actor", "type", "from", "to", "sort", "limit", "cursor" }, parameters);
        var responses = paths.GetProperty("/api/events").GetProperty("get").GetProperty("responses");
        Assert.True(responses.TryGetProperty("400", out _));
        Assert.True(responses.TryGetProperty("429", out _));
        Assert.True(paths.GetProperty("/api/events/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_responses_allow_any_origin()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/types", UriKind.Relative), Cancellation);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Export-Truncated", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }
}

/// <summary>The tests of <see cref="EventsApiTest"/> on PostgreSQL.</summary>
public sealed class EventsApiTestPostgres : EventsApiTest, IClassFixture<OpenDataPostgresAppFactory>
{
    public EventsApiTestPostgres(OpenDataPostgresAppFactory app) : base(app) => PostgresServer.SkipUnlessInstalled();
}
