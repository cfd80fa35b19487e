using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>The first, prerendered HTTP response of each page, as a client without JavaScript sees it.</summary>
public sealed partial class PagesTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private SampleTimeline Sample => app.Sample!;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Timeline_lists_every_event_with_its_permalink_newest_first()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var e in Sample.Events)
        {
            Assert.Contains(e.Title, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/events/{e.Id}/{e.Slug}\"", html, StringComparison.Ordinal);
        }
        // In the list (the time axis above it names the events too, oldest first).
        var list = html[html.IndexOf("id=\"results\"", StringComparison.Ordinal)..];
        var order = Sample.Events.OrderByDescending(e => e.Start).Select(e => list.IndexOf(e.Title, StringComparison.Ordinal));
        Assert.Equal(order.Order(), order);
        Assert.Contains("late 2025", html, StringComparison.Ordinal);
        Assert.Contains("Feb 2025", html, StringComparison.Ordinal);
        Assert.Contains("Sun 2 Mar 2025", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_has_no_interactive_marker_before_the_circuit_connects()
    {
        var (_, html) = await GetAsync("/");

        Assert.DoesNotContain("data-testid=\"interactive\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fonts.googleapis", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permalink_shows_the_event_with_its_quotes_and_article_links()
    {
        var e = Sample.DayEvent;

        var (status, html) = await GetAsync($"/events/{e.Id}/{e.Slug}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches($"<h1[^>]*>{Regex.Escape(e.Title)}</h1>", html);
        Assert.Contains("<blockquote", html, StringComparison.Ordinal);
        Assert.Contains(e.Evidence[0].Text, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{Sample.Article.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains(Sample.Article.Title!, html, StringComparison.Ordinal);
        Assert.Contains("Sample Wire", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/\\?actor=south-korea\"[^>]*>South Korea</a>, <a href=\"/\\?actor=united-states\"[^>]*>United States</a>", html);
        Assert.Contains("Busan", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wrong-slug")]
    [InlineData("")]
    public async Task Permalink_with_a_missing_or_wrong_slug_still_shows_the_event(string suffix)
    {
        var e = Sample.DayEvent;

        var (status, html) = await GetAsync($"/events/{e.Id}{suffix}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches($"<h1[^>]*>{Regex.Escape(e.Title)}</h1>", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"/events/{e.Id}/{e.Slug}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_marks_each_evidence_span_and_links_it_to_its_event()
    {
        var (status, html) = await GetAsync($"/articles/{Sample.Article.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(MarkPattern().Count(html) >= 3, "every evidence span is marked");
        foreach (var e in Sample.Events)
        {
            Assert.Contains($"href=\"/events/{e.Id}/{e.Slug}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;b&gt;again&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>again</b>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing else happened.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/events/999999/x")]
    [InlineData("/events/999999")]
    [InlineData("/articles/999999")]
    [InlineData("/nope")]
    public async Task Unknown_addresses_answer_404_with_the_not_found_page(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("data-testid=\"not-found\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<mark[ >]")]
    private static partial Regex MarkPattern();
}
