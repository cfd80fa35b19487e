using System.Runtime.CompilerServices;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Api;

/// <summary>An event with its quotes and articles, as the exports write it.</summary>
/// <param name="Updated">When the newest article stating it was imported; null when none has a real import time.</param>
public sealed record ExportEvent(EventSummary Summary, IReadOnlyList<ExportQuote> Quotes, DateTimeOffset? Updated);

/// <summary>A quote with what a citation needs of its article.</summary>
public sealed record ExportQuote(int EventId, string Text, int ArticleId, string? ArticleTitle, string? Outlet, string? SourceUrl, DateOnly Published, DateTimeOffset ImportedAt);

/// <summary>The events of a view, read page by page; <see cref="Total"/> is known before the first event is written.</summary>
/// <param name="Total">Matching events in all.</param>
/// <param name="Limit">The most events <see cref="Events"/> yields.</param>
public sealed record ExportStream(int Total, int Limit, IAsyncEnumerable<ExportEvent> Events)
{
    /// <summary>True when the view holds more events than the export writes.</summary>
    public bool Truncated => Total > Limit;

    /// <summary>How many events the export writes.</summary>
    public int Count => Math.Min(Total, Limit);

    /// <summary>"1 event", "12 events".</summary>
    public static string CountOf(int count) => count == 1 ? "1 event" : $"{count:N0} events";

    /// <summary>The note exports carry when cut.</summary>
    public string? Note => Truncated
        ? $"This export holds the first {Limit:N0} of {Total:N0} matching events (the export limit). Narrow the filters, or page through /api/events, for the rest."
        : null;
}

/// <summary>
/// Reads views for the API and the exports through <see cref="TimelineQueries"/> (the UI's own filtering and
/// paging) and adds what the timeline does not load: quotes with their articles.
/// </summary>
public sealed class OpenDataReader(TimelineQueries queries, IDbContextFactory<TimelineDbContext> contexts)
{
    /// <summary>Events read per query while an export streams.</summary>
    public const int BatchSize = 200;

    /// <summary>
    /// The events of <paramref name="filter"/> in its order, at most <paramref name="limit"/>, with their quotes.
    /// Only one page of <see cref="BatchSize"/> events is held at a time.
    /// </summary>
    public async Task<ExportStream> OpenAsync(TimelineFilter filter, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Max(0, limit);
        var first = await queries.GetPageAsync(filter with { Take = Math.Clamp(limit, 1, BatchSize), After = null }, cancellationToken);
        return new ExportStream(first.Total, limit, ReadAsync(filter, limit, first, cancellationToken));
    }

    private async IAsyncEnumerable<ExportEvent> ReadAsync(TimelineFilter filter, int limit, TimelineResults page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var summaries = page.Items.Select(i => i.Event).Take(limit - written).ToList();
            var quotes = (await LoadQuotesAsync(summaries.Select(s => s.Id).ToList(), cancellationToken)).ToLookup(q => q.EventId);
            foreach (var summary in summaries)
            {
                var own = quotes[summary.Id].ToList();
                var imported = own.Select(q => q.ImportedAt).Where(t => t > DateTimeOffset.UnixEpoch).DefaultIfEmpty().Max();
                yield return new ExportEvent(summary, own, imported == default ? null : imported);
            }
            written += summaries.Count;
            if (written >= limit || page.Next is null)
            {
                yield break;
            }
            // The total was read with the first batch; the next ones only page on.
            page = await queries.GetPageAsync(filter with { Take = Math.Min(BatchSize, limit - written), After = page.Next }, countTotal: false, cancellationToken);
        }
    }

    /// <summary>The quotes of the events, by event, article and position.</summary>
    public async Task<List<ExportQuote>> LoadQuotesAsync(IReadOnlyList<int> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var interrupt = db.Database.GetDbConnection().InterruptOn(cancellationToken);
        return await db.Evidence.AsNoTracking()
            .Where(v => eventIds.Contains(v.EventId))
            .OrderBy(v => v.EventId).ThenBy(v => v.ArticleId).ThenBy(v => v.Start)
            .Select(v => new ExportQuote(v.EventId, v.Text, v.ArticleId, v.Article.Title, v.Article.Outlet, SourceUrls.HttpOrNull(v.Article.Url), v.Article.Published, v.Article.ImportedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Turns query results into the API's records, with absolute URLs.</summary>
/// <param name="BaseUrl">Scheme, host and path base, without a trailing slash.</param>
public sealed record ApiMapper(string BaseUrl)
{
    /// <summary>The mapper of the app's public address (<see cref="PublicBaseUrl"/>), never the request's Host header.</summary>
    public static ApiMapper For(HttpRequest request) => new(request.HttpContext.RequestServices.GetRequiredService<PublicBaseUrl>().Value);

    public string Absolute(string path) => BaseUrl + path;

    public ApiActor Actor(ActorSummary a) => new(a.Slug, a.Name, a.Kind, Absolute($"/actors/{Uri.EscapeDataString(a.Slug)}"));

    public ApiEvent Event(EventSummary e) => Event(e, null, null);

    public ApiEvent Event(EventSummary e, IReadOnlyList<ExportQuote>? quotes, string? citation)
    {
        var info = EventTypes.All[(int)e.Type];
        return new ApiEvent(e.Id, Absolute(e.Permalink), e.Title, info.Id, info.Label, Code(info.Cameo), Code(info.Plover),
            e.Start, e.End, e.Precision.Id(), e.DateText, e.Location, e.Actors.Select(Actor).ToList(),
            quotes is { Count: > 0 } ? quotes[0].Text : null, quotes?.Select(Quote).ToList(), citation);
    }

    public ApiQuote Quote(ExportQuote q) =>
        new(q.Text, q.ArticleId, Absolute($"/articles/{q.ArticleId}"), q.ArticleTitle, q.Outlet, q.SourceUrl, q.Published);

    /// <summary>A type's code, or null where the table has none ("–").</summary>
    public static string? Code(string code) => string.IsNullOrWhiteSpace(code) || code is "–" or "-" ? null : code;
}
