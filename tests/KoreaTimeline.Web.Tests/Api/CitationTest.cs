using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Api;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>"Cite this event": the plain-text line and the BibTeX entry, alone and on the event page.</summary>
public sealed partial class CitationTest(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static readonly EventSummary Summit = new(7, "Leaders meet at a {50%} summit_ & more", "leaders-meet", EventType.Summit,
        new(2019, 2, 27), new(2019, 2, 28), DatePrecision.Range, null, "Hanoi", []);

    private static readonly CitedSource[] Sources = [new("An invented report", "Invented Wire", new(2019, 3, 1))];

    private const string Permalink = "https://example.org/events/7/leaders-meet";

    [Fact]
    public void Plain_text_names_title_date_sources_permalink_and_access_date()
    {
        var text = EventCitation.PlainText(Summit, Sources, Permalink, new(2026, 1, 2));

        Assert.Equal("\"Leaders meet at a {50%} summit_ & more.\" 27–28 Feb 2019. KoreaTimeline, event 7. " +
            "Sources: Invented Wire, \u201CAn invented report\u201D, 1 Mar 2019. https://example.org/events/7/leaders-meet (accessed 2026-01-02).", text);
    }

    [Fact]
    public void BibTeX_is_a_misc_entry_with_escaped_text_and_a_verbatim_url()
    {
        var bib = EventCitation.BibTeX(Summit, Sources, Permalink, new(2026, 1, 2));

        Assert.StartsWith("@misc{koreatimeline-event-7,\n", bib, StringComparison.Ordinal);
        Assert.EndsWith("}", bib, StringComparison.Ordinal);
        Assert.Contains(@"title        = {{Leaders meet at a \{50\%\} summit\_ \& more}},", bib, StringComparison.Ordinal);
        Assert.Contains("author       = {{KoreaTimeline}},", bib, StringComparison.Ordinal);
        Assert.Contains("year         = {2019},", bib, StringComparison.Ordinal);
        Assert.Contains("url          = {https://example.org/events/7/leaders-meet},", bib, StringComparison.Ordinal);
        Assert.Contains("urldate      = {2026-01-02}\n", bib, StringComparison.Ordinal);
        Assert.Contains("Invented Wire", bib, StringComparison.Ordinal);
        // Braces balance, so BibTeX reads the entry to its end.
        Assert.Equal(0, Regex.Replace(bib, @"\\[{}]", "").Aggregate(0, (depth, c) => c == '{' ? depth + 1 : c == '}' ? depth - 1 : depth));
    }

    [Theory]
    [InlineData("a\\b", "a\\textbackslash{}b")]
    [InlineData("~^", "\\textasciitilde{}\\textasciicircum{}")]
    [InlineData("$#", "\\$\\#")]
    public void LaTeX_specials_are_escaped(string text, string escaped) => Assert.Equal(escaped, EventCitation.Escape(text));

    [Fact]
    public async Task The_event_page_shows_both_citations_with_the_absolute_permalink()
    {
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        var e = app.Events.Single(x => x.Title == "Brief meeting in the demilitarized zone");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/events/{e.Id}/{e.Slug}", UriKind.Relative), cancellation);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(cancellation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cite this event", html, StringComparison.Ordinal);
        Assert.Contains($"\"{e.Title}.\" Sun 30 Jun 2019. KoreaTimeline, event {e.Id}. Sources: Invented Wire, \u201CAn invented article for filter tests\u201D, 1 Jan 2023. http://localhost/events/{e.Id}/{e.Slug}", html, StringComparison.Ordinal);
        Assert.Contains($"@misc{{koreatimeline-event-{e.Id},", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"copy-cite-bibtex\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_page_offers_the_export_menu()
    {
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/?actor=kim-jong-un", UriKind.Relative), cancellation);

        Assert.Contains("data-testid=\"export-menu\"", html, StringComparison.Ordinal);
    }
}
