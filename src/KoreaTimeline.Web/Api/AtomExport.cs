using System.ServiceModel.Syndication;
using System.Xml;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// An Atom 1.0 feed per view (System.ServiceModel.Syndication): the feed's id and self link are this export's URL with
/// the view's normalized query string (stable per view), its alternate link the timeline page; each entry's id and link
/// are the event's permalink, and its updated time the latest import of an article stating it, else the event's start.
/// A feed holds the first <see cref="OpenDataOptions.FeedLimit"/> events of the view (newest first by default); it is
/// built in memory, which that limit keeps small, and copied to the response asynchronously.
/// </summary>
public sealed class AtomExport : IExportWriter
{
    public string Format => "atom";

    public string ContentType => "application/atom+xml; charset=utf-8";

    public string Extension => "atom";

    public bool IsDownload => false;

    public bool IsFeed => true;

    public async Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        var items = new List<SyndicationItem>();
        await foreach (var item in context.Stream.Events.WithCancellation(cancellationToken))
        {
            items.Add(ToItem(item, context));
        }
        if (context.Corrections is not null)
        {
            items.AddRange(await AtomCorrections.ItemsAsync(context, items, cancellationToken));
        }
        // Every text goes through XmlText.Legal: a stored quote or a parameter may hold characters XML 1.0 forbids.
        var feed = new SyndicationFeed(XmlText.Legal(context.Title), XmlText.Legal(context.Stream.Note ?? $"{ExportStream.CountOf(context.Stream.Total)} of this view on KoreaTimeline."),
            new Uri(context.ViewUrl), context.SelfUrl, items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.LastUpdatedTime), items);
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(context.SelfUrl), "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = "KoreaTimeline", Uri = context.Map.Absolute("/") });
        feed.Generator = "KoreaTimeline";

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, cancellationToken);
    }

    private static SyndicationItem ToItem(ExportEvent item, ExportContext context)
    {
        var e = item.Summary;
        var permalink = context.Map.Absolute(e.Permalink);
        var updated = item.Updated ?? new DateTimeOffset(e.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var api = context.Event(item);
        var summary = string.Join("\n", new[]
        {
            $"{Components.Shared.DateDisplay.Format(e.Start, e.End, e.Precision)} · {e.Type.Label()}",
            e.Actors.Count > 0 ? "Actors: " + string.Join(", ", e.Actors.Select(a => a.Name)) : null,
            api.Quote is { } quote ? $"\u201C{quote}\u201D" : null,
            api.Citation,
        }.Where(s => s is not null));
        var entry = new SyndicationItem(XmlText.Legal(e.Title), SyndicationContent.CreatePlaintextContent(XmlText.Legal(summary)), new Uri(permalink), permalink, updated)
        {
            PublishDate = new DateTimeOffset(e.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        entry.Categories.Add(new SyndicationCategory(e.Type.Id(), null, e.Type.Label()));
        return entry;
    }
}
