using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The prerendered first response of the timeline, event and actor pages for filtered URLs.</summary>
public sealed partial class TimelinePagesTest(InventedTimelineAppFactory app) : IClassFixture<InventedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation)));
    }

    private static List<string> CardTitles(string html) =>
        CardTitle().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).ToList();

    [Fact]
    public async Task A_filtered_url_prerenders_only_the_matching_events()
    {
        var (status, html) = await GetAsync("/?actor=kim-jong-un&actor=donald-trump&type=summit&type=meeting");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Brief meeting in the demilitarized zone", "Invented summit ends without a deal", "Leaders meet at an invented summit"], CardTitles(html));
        Assert.Contains("3 events, newest first", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"active-filters\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_prerenders_best_matches_with_marks()
    {
        var (status, html) = await GetAsync("/?q=invented");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Short-range ballistic missile fired", CardTitles(html)[^1]);
        Assert.Contains("<mark class=\"search-match\">invented</mark>", html, StringComparison.Ordinal);
        Assert.Contains("best match first", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oldest_first_and_dates_come_from_the_url()
    {
        var (_, html) = await GetAsync("/?from=2018-01-01&to=2018-12-31&sort=date-asc");

        Assert.Equal(["Talks held at the border village", "Leaders meet at an invented summit", "Statement praises the summit"], CardTitles(html));
    }

    [Fact]
    public async Task A_year_and_a_month_in_the_url_are_their_first_and_last_days()
    {
        var (status, html) = await GetAsync("/?from=2018-06&to=2018&sort=date-asc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Leaders meet at an invented summit", "Statement praises the summit"], CardTitles(html));
        Assert.DoesNotContain("url-date-error", html, StringComparison.Ordinal);
        // The date fields show the dates as the link wrote them.
        Assert.Matches("data-testid=\"from\"[^>]*value=\"2018-06\"|value=\"2018-06\"[^>]*data-testid=\"from\"", html);
    }

    [Theory]
    [InlineData("/?from=2019-13", "The link\u2019s from, \u201C2019-13\u201D, is not a date")]
    [InlineData("/?to=soon&from=2018", "The link\u2019s to, \u201Csoon\u201D, is not a date")]
    [InlineData("/?from=2019&to=2018-06", "The link\u2019s from (\u201C2019\u201D) is after its to (\u201C2018-06\u201D)")]
    public async Task A_date_the_url_cannot_give_is_left_out_with_a_message_naming_the_parameter(string path, string message)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"url-date-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-error", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?q=%22")]
    [InlineData("/?q=NOT%20x%20OR")]
    [InlineData("/?q=col%3Ax%20*%20(")]
    [InlineData("/?q=%00%01missile")]
    [InlineData("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/?from=not-a-date&to=2019-13-45&type=nope&sort=sideways")]
    [InlineData("/?actor=%27%3B%20DROP%20TABLE%20Events")]
    public async Task Hostile_urls_answer_a_page_not_an_error(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_match_says_how_to_widen_the_view()
    {
        var (_, html) = await GetAsync("/?q=zzzzqqq");

        Assert.Contains("data-testid=\"no-match\"", html, StringComparison.Ordinal);
        Assert.Contains("Clear all filters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Type_and_actor_counts_are_prerendered()
    {
        var (_, html) = await GetAsync("/?actor=north-korea");

        Assert.Matches("data-type=\"missile_test\"[^>]*>(<span[^>]*>)?Missile test <span class=\"facet-count\">2</span>", html);
        Assert.Matches("data-actor=\"kim-jong-un\"[^>]*>(<span[^>]*>)?Kim Jong-un <span class=\"facet-count\">3</span>", html);
    }

    [Fact]
    public async Task Event_page_links_actors_related_previous_and_next()
    {
        var summit = app.Events[0];

        var (status, html) = await GetAsync($"/events/{summit.Id}/{summit.Slug}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/?actor=kim-jong-un\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/actors/kim-jong-un\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"related\"[\\s\\S]*Statement praises the summit", html);
        Assert.Matches("data-testid=\"previous-event\"[^>]*>← Earlier: Talks held at the border village", html);
        Assert.Matches("data-testid=\"next-event\"[^>]*>Later: Statement praises the summit", html);
        Assert.Contains("data-testid=\"copy-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_page_shows_counts_by_type_and_the_actors_events()
    {
        var (status, html) = await GetAsync("/actors/kim-jong-un");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<h1[^>]*>Kim Jong-un</h1>", html);
        Assert.Matches("data-type=\"summit\">Summit</a>\\s*<span class=\"facet-count\">2</span>", html);
        Assert.Equal(6, CardTitles(html).Count);
        Assert.Contains("href=\"/?actor=kim-jong-un&type=summit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_actor_answers_404()
    {
        var (status, _) = await GetAsync("/actors/nobody-at-all");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [GeneratedRegex("<h[24][^>]*class=\"[^\"]*event-title[^\"]*\"[^>]*><a[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex CardTitle();
}
