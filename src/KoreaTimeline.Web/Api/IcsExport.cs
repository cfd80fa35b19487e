using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// iCalendar (RFC 5545, Ical.Net): one all-day VEVENT per event, DATE values, DTEND exclusive (the day after the last
/// day), UID <c>event-{id}@koreatimeline</c>, the permalink as URL and the quote and sources in the description. The
/// calendar is written one batch of events at a time; a cut export says so in <c>X-WR-CALDESC</c>.
/// </summary>
public sealed class IcsExport : IExportWriter
{
    public string Format => "ics";

    public string ContentType => "text/calendar; charset=utf-8";

    public string Extension => "ics";

    public bool IsDownload => true;

    /// <summary>The UID of an event, stable across exports.</summary>
    public static string Uid(int eventId) => $"event-{eventId}@koreatimeline";

    public async Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken)
    {
        var serializer = new CalendarSerializer();
        // The calendar's own lines come from an empty calendar, cut around where its components would go.
        var shell = new Calendar { ProductId = "-//KoreaTimeline//Open data//EN" };
        shell.AddProperty("X-WR-CALNAME", context.Title);
        shell.AddProperty("X-WR-CALDESC", context.Stream.Note ?? $"Events of {context.ViewUrl}");
        shell.AddProperty("X-ORIGINAL-URL", context.ViewUrl);
        var wrapper = serializer.SerializeToString(shell) ?? "";
        var end = wrapper.LastIndexOf("END:VCALENDAR", StringComparison.Ordinal);
        await WriteAsync(response, wrapper[..end], cancellationToken);

        var batch = new Calendar();
        await foreach (var item in context.Stream.Events.WithCancellation(cancellationToken))
        {
            batch.Events.Add(ToEvent(item, context));
            if (batch.Events.Count == OpenDataReader.BatchSize)
            {
                await WriteEventsAsync(response, serializer, batch, cancellationToken);
                batch = new Calendar();
            }
        }
        await WriteEventsAsync(response, serializer, batch, cancellationToken);
        await WriteAsync(response, wrapper[end..], cancellationToken);
    }

    private static CalendarEvent ToEvent(ExportEvent item, ExportContext context)
    {
        var e = item.Summary;
        var permalink = context.Map.Absolute(e.Permalink);
        var description = new StringBuilder();
        description.Append(e.Type.Label()).Append(" · ").Append(e.Precision.Id()).Append(" precision");
        if (!string.IsNullOrWhiteSpace(e.DateText))
        {
            description.Append(" (\u201C").Append(e.DateText).Append("\u201D)");
        }
        if (e.Actors.Count > 0)
        {
            description.Append("\nActors: ").AppendJoin(", ", e.Actors.Select(a => a.Name));
        }
        if (item.Quotes.Count > 0)
        {
            description.Append("\n\n\u201C").Append(item.Quotes[0].Text).Append('\u201D');
        }
        foreach (var q in item.Quotes.DistinctBy(q => q.ArticleId))
        {
            description.Append("\nSource: ").AppendJoin(", ", new[] { q.Outlet, q.ArticleTitle }.Where(s => !string.IsNullOrWhiteSpace(s)))
                .Append(" (").Append(q.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        }
        description.Append("\n\n").Append(permalink);
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(e.Id),
            Summary = e.Title,
            DtStart = new CalDateTime(e.Start),
            DtEnd = new CalDateTime(e.End.AddDays(1)),
            DtStamp = new CalDateTime(context.Generated.UtcDateTime),
            Description = description.ToString(),
            Location = e.Location,
            Url = new Uri(permalink),
        };
        calendarEvent.Categories.Add(e.Type.Label());
        return calendarEvent;
    }

    private static async Task WriteEventsAsync(HttpResponse response, CalendarSerializer serializer, Calendar batch, CancellationToken cancellationToken)
    {
        if (batch.Events.Count == 0)
        {
            return;
        }
        var text = serializer.SerializeToString(batch) ?? "";
        var first = text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal);
        var last = text.LastIndexOf("END:VEVENT", StringComparison.Ordinal) + "END:VEVENT\r\n".Length;
        await WriteAsync(response, text[first..last], cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken) =>
        response.WriteAsync(text, Encoding.UTF8, cancellationToken);
}
