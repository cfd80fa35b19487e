using System.ComponentModel;
using System.Globalization;
using KoreaTimeline.Data.Queries;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// <c>/export/{format}</c> with the timeline's query string: the view as CSV, JSON, iCalendar, TimelineJS or Atom.
/// Exports stream in batches and stop at <see cref="OpenDataOptions.ExportLimit"/> events (Atom at
/// <see cref="OpenDataOptions.FeedLimit"/>); a cut export still answers 200 with the first events, says so in the
/// <c>X-Export-Truncated</c> header and, where the format has room, in the payload.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The export formats by their name in the URL.</summary>
    public static IReadOnlyDictionary<string, IExportWriter> Writers { get; } = new IExportWriter[]
    {
        new CsvExport(), new JsonExport(), new IcsExport(), new TimelineJsExport(), new AtomExport(),
    }.ToDictionary(w => w.Format, StringComparer.Ordinal);

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder group)
    {
        group.MapGet("/{format}", ExportAsync).WithName("Export")
            .WithSummary("The view as csv, json (PLOVER-style), ics, timelinejs or atom")
            .WithDescription("Takes the timeline's own query string. Answers the first `Timeline:ExportLimit` events with the header " +
                "`X-Export-Truncated: true` when the view holds more.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml")
            .ProducesValidationProblem();
        group.MethodNotAllowed("/", "/{format}");
        // /export alone, or anything below a format, is a 404 problem that lists the formats (never the HTML page).
        group.MapGet("/", () => EventsApi.NotFound($"Choose a format: {string.Join(", ", Writers.Keys.Select(f => $"/export/{f}"))}, with the timeline's query string."))
            .ExcludeFromDescription();
        group.Map("/{format}/{**rest}", (string format) => EventsApi.NotFound($"There is no export below /export/{format}; formats: {string.Join(", ", Writers.Keys)}."))
            .ExcludeFromDescription();
        return group;
    }

    private static async Task<IResult> ExportAsync(
        [Description("csv, json, ics, timelinejs or atom")] string format,
        [AsParameters] ViewQuery view,
        [Description("corrections: the Atom feed also carries one entry per editor's correction of the view's events")] string? include,
        Data.Editing.EditorialQueries editorial,
        OpenDataReader reader, IOptions<OpenDataOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = view.ToFilter();
        var errors = new Dictionary<string, string[]>(parsed.Errors ?? new Dictionary<string, string[]>(), StringComparer.Ordinal);
        if (!Writers.TryGetValue(format, out var writer))
        {
            errors["format"] = [$"Unknown export format '{format}'; use {string.Join(", ", Writers.Keys)}."];
        }
        var withCorrections = AtomCorrections.Parse(include, format, errors);
        if (errors.Count > 0)
        {
            return EventsApi.Invalid(errors);
        }
        var filter = parsed.Value!;
        var limit = writer!.IsFeed ? Math.Min(options.Value.FeedLimit, options.Value.ExportLimit) : options.Value.ExportLimit;
        var stream = await reader.OpenAsync(filter, limit, cancellationToken);

        var map = ApiMapper.For(http.Request);
        var query = ViewQuery.QueryString(filter);
        var context = new ExportContext(filter, stream, map,
            ViewUrl: map.Absolute(TimelineUrl(filter)),
            SelfUrl: map.Absolute(AtomCorrections.WithInclude($"/export/{writer.Format}{(query.Length > 0 ? "?" + query : "")}", withCorrections)),
            Title: ViewQuery.Describe(filter),
            Generated: DateTimeOffset.UtcNow)
        {
            Corrections = withCorrections ? editorial : null,
        };

        var response = http.Response;
        response.ContentType = writer.ContentType;
        response.Headers["X-Export-Total"] = stream.Total.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Export-Count"] = stream.Count.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Export-Limit"] = stream.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Export-Truncated"] = stream.Truncated ? "true" : "false";
        if (writer.IsDownload)
        {
            response.Headers.ContentDisposition = $"attachment; filename=\"koreatimeline-events.{writer.Extension}\"";
        }
        await writer.WriteAsync(context, response, cancellationToken);
        return TypedResults.Empty;
    }

    private static string TimelineUrl(TimelineFilter filter) => Components.Timeline.TimelineUrl.ToUrl(filter);
}

/// <summary>What an export writer needs: the view, its events and its addresses.</summary>
/// <param name="ViewUrl">The timeline page showing the view.</param>
/// <param name="SelfUrl">This export's own address, with the view's normalized query string.</param>
public sealed record ExportContext(TimelineFilter Filter, ExportStream Stream, ApiMapper Map, string ViewUrl, string SelfUrl, string Title, DateTimeOffset Generated)
{
    /// <summary>With <c>?include=corrections</c> (Atom only): where the feed reads the editors' corrections.</summary>
    public Data.Editing.EditorialQueries? Corrections { get; init; }

    /// <summary>The API record of an event with its quotes and citation.</summary>
    public ApiEvent Event(ExportEvent e) =>
        Map.Event(e.Summary, e.Quotes, EventCitation.PlainText(e.Summary, EventCitation.From(e.Quotes), Map.Absolute(e.Summary.Permalink), DateOnly.FromDateTime(Generated.UtcDateTime)));
}

/// <summary>One export format.</summary>
public interface IExportWriter
{
    /// <summary>The format's name in <c>/export/{format}</c>.</summary>
    string Format { get; }

    string ContentType { get; }

    /// <summary>The file extension of a download.</summary>
    string Extension { get; }

    /// <summary>True when browsers should save the answer as a file (not feeds and embeds).</summary>
    bool IsDownload { get; }

    /// <summary>True for feeds, which hold the newest events only (<see cref="OpenDataOptions.FeedLimit"/>).</summary>
    bool IsFeed => false;

    /// <summary>Writes the export, flushing after each batch of events.</summary>
    Task WriteAsync(ExportContext context, HttpResponse response, CancellationToken cancellationToken);
}
