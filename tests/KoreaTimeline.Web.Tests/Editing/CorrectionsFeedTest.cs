using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// <c>/export/atom?include=corrections</c>: one entry per correction of the view's events, with a stable id, the time of
/// the change and a link to the event; the plain feed and views without the event leave them out; bad values are refused.
/// </summary>
public sealed class CorrectionsFeedTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<SyndicationFeed> FeedAsync(string url)
    {
        var response = await app.NewClient().GetAsync(url, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Cancellation));
        return SyndicationFeed.Load(reader);
    }

    private static List<SyndicationItem> Corrections(SyndicationFeed feed) =>
        feed.Items.Where(i => i.Categories.Any(c => c.Name == "correction")).ToList();

    [Fact]
    public async Task The_feed_with_corrections_has_an_entry_per_correction_of_the_views_events()
    {
        var e = app.Sample!.Events[1];
        var editor = app.Services.GetRequiredService<EventEditor>();
        var who = new EditorIdentity("user-x", "Feed Editor");
        Assert.True((await editor.CorrectLocationAsync(e.Id, "Sample Bay", who, "Named in the article", Cancellation)).Succeeded);
        Assert.True((await editor.SetNoteAsync(e.Id, "Reported by one outlet only.", who, Cancellation)).Succeeded);

        var plain = await FeedAsync("/export/atom");
        var withCorrections = await FeedAsync("/export/atom?include=corrections");
        var ofItsType = await FeedAsync($"/export/atom?type={e.Type.Id()}&include=corrections");
        var otherType = await FeedAsync($"/export/atom?type={(e.Type == EventType.Summit ? "exercise" : "summit")}&include=corrections");
        var again = await FeedAsync("/export/atom?include=corrections");

        Assert.Empty(Corrections(plain));
        var entries = Corrections(withCorrections);
        Assert.Equal(2, entries.Count);
        var location = entries.Single(i => i.Title.Text.EndsWith("(location corrected)", StringComparison.Ordinal));
        Assert.Contains("to \u201CSample Bay\u201D, by Feed Editor. Why: Named in the article", ((TextSyndicationContent)location.Content).Text, StringComparison.Ordinal);
        Assert.Equal($"/events/{e.Id}/{e.Slug}", location.Links.Single().Uri.AbsolutePath);
        Assert.Matches($@"/api/events/{e.Id}/history#change-\d+$", location.Id);
        Assert.True(location.LastUpdatedTime > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(entries.Select(i => i.Id), Corrections(again).Select(i => i.Id));
        Assert.Equal(2, Corrections(ofItsType).Count);
        Assert.Empty(Corrections(otherType));
        Assert.Contains("include=corrections", withCorrections.Links.Single(l => l.RelationshipType == "self").Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_include_values_and_other_formats_are_refused_naming_the_field()
    {
        var bogus = await app.NewClient().GetAsync("/export/atom?include=everything", Cancellation);
        var csv = await app.NewClient().GetAsync("/export/csv?include=corrections", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Contains("\"include\"", await bogus.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("Atom feed", await csv.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }
}
