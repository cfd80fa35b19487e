using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Pages;

/// <summary>Where events come from: sources on the cards, the quoted articles on the event page, quote anchors in articles.</summary>
public sealed partial class SourcesPagesTest(SourcedTimelineAppFactory app) : IClassFixture<SourcedTimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static string CardOf(string html, int eventId)
    {
        var start = html.IndexOf($"<article class=\"event-card\" data-event-id=\"{eventId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for event {eventId}");
        return html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_card_names_how_many_articles_quote_the_event_and_their_outlets_oldest_first()
    {
        var (_, html) = await GetAsync("/?q=carrier");

        var card = CardOf(html, app.Sample!.DayEvent.Id);
        Assert.Contains($"3 sources: Sample Wire, example-news.com, {WebUtility.HtmlEncode(SourcedTimelineAppFactory.RawHeadline)}", card, StringComparison.Ordinal);
        // An event quoted once says so in the singular.
        var (_, all) = await GetAsync("/");
        Assert.Contains("1 source: Synthetic Wire", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_of_a_page_of_fifty_cards_are_one_query()
    {
        var queries = app.Services.GetRequiredService<TimelineQueries>();
        var page = await queries.GetPageAsync(new TimelineFilter { Take = 50 }, Cancellation);
        var recorder = new SqlRecorder();
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={app.DatabasePath}").AddInterceptors(recorder).Options;
        using var recorded = new TimelineQueries(new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<TimelineDbContext>(options));

        var withSources = await recorded.WithSourcesAsync(page.Items, Cancellation);

        Assert.Equal(50, withSources.Count);
        Assert.All(withSources, i => Assert.True(i.Sources is { Count: > 0 }, $"event {i.Event.Id} has no sources"));
        Assert.Single(recorder.Commands, c => c.Contains("Evidence", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_event_page_lists_each_quoting_article_with_outlet_date_original_link_and_quote_anchors()
    {
        var e = app.Sample!.DayEvent;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var quotes = await db.Evidence.Where(v => v.EventId == e.Id).Select(v => new { v.Id, v.ArticleId }).ToListAsync(Cancellation);

        var (status, html) = await GetAsync($"/events/{e.Id}/{e.Slug}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, quotes.Select(q => q.ArticleId).Distinct().Count());
        Assert.Equal(3, Regex.Count(html, "data-testid=\"evidence-article\""));
        foreach (var q in quotes)
        {
            Assert.Contains($"href=\"/articles/{q.ArticleId}#q-{q.Id}\" data-testid=\"quote-link\"", html, StringComparison.Ordinal);
        }
        Assert.Matches("<h3[^>]*>Sample Wire</h3>", html);
        Assert.Matches("<h3[^>]*>example-news.com</h3>", html);
        Assert.Contains("href=\"https://www.example-news.com/2025/03/carrier\" rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains(">Carrier group sails into Busan</a>", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2025-03-04\"", html, StringComparison.Ordinal);
        Assert.Contains("3 sources: ", html, StringComparison.Ordinal);
        // Never a number or a file name for a source.
        Assert.DoesNotMatch("Article \\d", html);
        Assert.DoesNotContain("2025-03-05-wire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("addressed.html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_gives_every_quote_its_element_id_even_where_quotes_overlap()
    {
        var sample = app.Sample!.Article;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Cancellation);
        var quoteIds = await db.Evidence.Where(v => v.ArticleId == sample.Id).Select(v => v.Id).ToListAsync(Cancellation);

        var (status, html) = await GetAsync($"/articles/{sample.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, quoteIds.Count);
        foreach (var id in quoteIds)
        {
            Assert.Equal(1, Regex.Count(html, $"id=\"q-{id}\""));
            Assert.Matches($"<mark id=\"q-{id}\" tabindex=\"-1\"", html);
        }
    }

    [Fact]
    public async Task An_untitled_article_is_named_by_its_first_headline_like_line_never_its_file()
    {
        var (_, addressed) = await GetAsync($"/articles/{app.Addressed.Id}");
        var (_, raw) = await GetAsync($"/articles/{app.Raw.Id}");

        Assert.Matches("<h1[^>]*>Carrier group sails into Busan</h1>", addressed);
        Assert.Matches($"<h1[^>]*>{Regex.Escape(WebUtility.HtmlEncode(SourcedTimelineAppFactory.RawHeadline))}</h1>", raw);
        Assert.DoesNotContain("2025-03-05-wire", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Carrier group sails into Busan\n\nOn Sunday...", "Carrier group sails into Busan")]
    [InlineData("\n\n  North Korea fires missile  \r\nSEOUL (Yonhap) -- ...", "North Korea fires missile")]
    [InlineData("SEOUL, March 5 -- A carrier arrived. It left.", "SEOUL, March 5 -- A carrier arrived.")]
    [InlineData("One long opening sentence that goes on and on about the talks between the two sides and never stops until it is far too long to be a headline.",
        "One long opening sentence that goes on and on about the talks between the two sides and never stops…")]
    [InlineData("---\n\nReal headline", "Real headline")]
    [InlineData("   \n ", null)]
    public void Headline_is_the_first_headline_like_line(string text, string? expected) =>
        Assert.Equal(expected, ArticleTitles.Headline(text));

    [Theory]
    [InlineData("Yonhap", "https://en.yna.co.kr/x", "T", "Yonhap")]
    [InlineData(null, "https://www.reuters.com/world/x", "T", "reuters.com")]
    [InlineData(null, "javascript:alert(1)", "Title", "Title")]
    [InlineData(null, null, null, "Head line")]
    public void Credit_is_the_outlet_else_the_host_else_the_title(string? outlet, string? url, string? title, string expected) =>
        Assert.Equal(expected, ArticleTitles.Credit(outlet, url, title, "Head line\n\nBody."));

    private sealed class SqlRecorder : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
