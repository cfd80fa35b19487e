using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The actor comparison: lanes by actor on the time axis, the list of their events, paging, 404s.</summary>
public sealed partial class ComparePageTest(SourcedTimelineAppFactory app) : IClassFixture<SourcedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static List<int> CardIds(string html)
    {
        var list = html[html.IndexOf("id=\"results\"", StringComparison.Ordinal)..];
        return CardId().Matches(list).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task Two_actors_get_a_lane_each_and_one_list_of_their_events()
    {
        var (status, html) = await GetAsync("/compare?actor=index-actor-04&actor=index-actor-09");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, CardIds(html).Count);
        Assert.Contains("10 events of any of them, newest first", html, StringComparison.Ordinal);
        Assert.Matches("class=\"axis-lane-label\"[^>]*>Index actor 04</text>", html);
        Assert.Matches("class=\"axis-lane-label\"[^>]*>Index actor 09</text>", html);
        Assert.Contains("By actor: ", html, StringComparison.Ordinal);
        Assert.Matches("data-actor=\"index-actor-04\"(?s).*?facet-count\">5<", html);
        // The axis's zoom keeps the comparison.
        Assert.Matches("href=\"/compare\\?actor=index-actor-04&amp;actor=index-actor-09&amp;from=\\d{4}-\\d{2}-\\d{2}&amp;to=", html);
        Assert.DoesNotContain("data-testid=\"axis-lanes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_of_both_actors_is_listed_once_and_drawn_in_both_lanes()
    {
        var arrival = app.Sample!.DayEvent.Id;

        var (_, html) = await GetAsync("/compare?actor=united-states&actor=south-korea");

        var cards = CardIds(html);
        Assert.Single(cards, arrival);
        Assert.Equal(2, cards.Count);
        var svg = html[html.IndexOf("<svg class=\"time-axis-svg\"", StringComparison.Ordinal)..];
        svg = svg[..svg.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(2, Regex.Count(svg, $"data-event-id=\"{arrival}\""));
        Assert.Contains("3 sources: Sample Wire", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_by_keyset_with_plain_links()
    {
        var (_, first) = await GetAsync("/compare?actor=china&actor=russia");
        var older = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        var (_, second) = await GetAsync(older);

        var a = CardIds(first);
        var b = CardIds(second);
        Assert.Equal(50, a.Count);
        Assert.NotEmpty(b);
        Assert.Empty(a.Intersect(b));
        Assert.Contains("data-testid=\"compare-newest\"", second, StringComparison.Ordinal);
        var queries = app.Services.GetRequiredService<TimelineQueries>();
        var all = await queries.GetComparisonAsync(["china", "russia"], new TimelineFilter { Take = 200 }, Cancellation);
        Assert.Equal(all.Items.Select(i => i.Event.Id).Take(a.Count + b.Count), a.Concat(b));
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<KoreaTimeline.Data.TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        Assert.Equal(db.Events.Count(e => e.Actors.Any(x => x.Actor.Slug == "china" || x.Actor.Slug == "russia")), all.Total);
    }

    [Fact]
    public async Task Unknown_actors_answer_404_and_a_fifth_actor_is_left_out()
    {
        var (unknown, _) = await GetAsync("/compare?actor=china&actor=nobody-at-all");
        var (status, five) = await GetAsync("/compare?actor=china&actor=russia&actor=iaea&actor=mongolia&actor=united-states");
        var (empty, none) = await GetAsync("/compare");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"compare-dropped\"", five, StringComparison.Ordinal);
        Assert.DoesNotContain("data-actor=\"united-states\"", five, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty);
        Assert.Contains("data-testid=\"compare-suggestions\"", none, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare?actor=china\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axis_lanes_by_actor_count_each_actors_events_in_view()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();

        var axis = await queries.GetAxisAsync(new TimelineFilter(), new TimeAxisRequest(LaneActors: ["china", "russia"]), Cancellation);
        var comparison = await queries.GetComparisonAsync(["china", "russia"], new TimelineFilter(), Cancellation);

        Assert.Equal(["China", "Russia"], axis.Lanes.Select(l => l.Label));
        Assert.Equal(comparison.Actors.Select(a => a.Count), axis.Lanes.Select(l => l.Count));
        Assert.Equal(comparison.Total, axis.Total);
        Assert.All(axis.Events, e => Assert.InRange(e.Lane, 0, 1));
    }

    [GeneratedRegex("data-event-id=\"(\\d+)\"")]
    private static partial Regex CardId();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\" data-testid=\"compare-older\"")]
    private static partial Regex OlderLink();
}
