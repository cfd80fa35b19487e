using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Shared;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// TimelineJS 3 JSON (<c>{ title, events: [{ start_date, end_date, display_date, text, group, unique_id }] }</c>): dates
/// only as precise as known (a year alone for years, decades and centuries), texts as escaped HTML. Served inline and to
/// any origin so a TimelineJS embed can load the URL directly.
/// </summary>
public sealed class TimelineJsExport : IExportWriter
{
    public string Format => "timelinejs";

    public string ContentType => "application/json; charset=utf-8";

    public string Extension => "json";

    public bool IsDownload => false;

    public async Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("title");
        json.WriteStartObject("text");
        json.WriteString("headline", WebUtility.HtmlEncode(context.Title));
        var intro = $"{ExportStream.CountOf(context.Stream.Total)}. <a href=\"{WebUtility.HtmlEncode(context.ViewUrl)}\">Open this view on KoreaTimeline</a>.";
        if (context.Stream.Note is { } note)
        {
            intro += " " + WebUtility.HtmlEncode(note);
        }
        json.WriteString("text", intro);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("events");
        var written = 0;
        await foreach (var item in context.Stream.Events.WithCancellation(cancellationToken))
        {
            WriteEvent(json, item, context.Map);
            if (++written % OpenDataReader.BatchSize == 0)
            {
                await json.FlushAsync(cancellationToken);
                await response.BodyWriter.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    private static void WriteEvent(Utf8JsonWriter json, ExportEvent item, ApiMapper map)
    {
        var e = item.Summary;
        var yearOnly = e.Precision is DatePrecision.Year or DatePrecision.Decade or DatePrecision.Century;
        json.WriteStartObject();
        json.WriteString("unique_id", $"event-{e.Id}");
        WriteDate(json, "start_date", e.Start, yearOnly);
        if (e.End != e.Start)
        {
            WriteDate(json, "end_date", e.End, yearOnly);
        }
        json.WriteString("display_date", DateDisplay.Format(e.Start, e.End, e.Precision));
        json.WriteStartObject("text");
        json.WriteString("headline", $"<a href=\"{WebUtility.HtmlEncode(map.Absolute(e.Permalink))}\">{WebUtility.HtmlEncode(e.Title)}</a>");
        var body = new List<string>();
        if (item.Quotes.Count > 0)
        {
            body.Add($"<blockquote>{WebUtility.HtmlEncode(item.Quotes[0].Text)}</blockquote>");
        }
        if (e.Actors.Count > 0)
        {
            body.Add($"<p>{WebUtility.HtmlEncode(string.Join(", ", e.Actors.Select(a => a.Name)))}</p>");
        }
        var sources = item.Quotes.DistinctBy(q => q.ArticleId)
            .Select(q => $"<a href=\"{WebUtility.HtmlEncode(map.Absolute($"/articles/{q.ArticleId}"))}\">{WebUtility.HtmlEncode(q.ArticleTitle ?? q.Outlet ?? $"Article {q.ArticleId}")}</a>")
            .ToList();
        if (sources.Count > 0)
        {
            body.Add($"<p>Sources: {string.Join(", ", sources)}</p>");
        }
        json.WriteString("text", string.Concat(body));
        json.WriteEndObject();
        json.WriteString("group", e.Type.Label());
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly date, bool yearOnly)
    {
        json.WriteStartObject(name);
        json.WriteNumber("year", date.Year);
        if (!yearOnly)
        {
            json.WriteNumber("month", date.Month);
            json.WriteNumber("day", date.Day);
        }
        json.WriteEndObject();
    }
}
