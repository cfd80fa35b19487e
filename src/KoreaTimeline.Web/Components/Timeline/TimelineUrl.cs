using System.Globalization;
using System.Text;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>
/// The timeline's view as a URL: <c>/?q=missile&amp;actor=north-korea&amp;actor=kim-jong-un&amp;type=missile_test&amp;from=2019-01-01&amp;to=2025-12-31&amp;sort=date</c>.
/// Actors by slug, types by their contract id, ISO dates; <c>sort</c> is <c>date</c> (newest first), <c>date-asc</c>
/// or <c>relevance</c>, and is left out when it is the default (relevance with a search, else date).
/// Unknown types, bad dates and unknown sorts are ignored rather than refused.
/// </summary>
public static class TimelineUrl
{
    public const string SortNewest = "date";
    public const string SortOldest = "date-asc";
    public const string SortRelevance = "relevance";

    /// <summary>The filter stated by the query parameters.</summary>
    public static TimelineFilter Parse(string? q, string[]? actors, string[]? types, string? from, string? to, string? sort, int take = 50)
    {
        var query = SearchSyntax.Clean(q);
        var hasQuery = SearchSyntax.ToMatchExpression(query) is not null;
        return new TimelineFilter
        {
            Query = query.Length == 0 ? null : query,
            Actors = (actors ?? []).Select(a => CleanToken(a).Trim().ToLowerInvariant()).Where(a => a.Length is > 0 and <= 120).Distinct().Take(10).ToList(),
            Types = (types ?? []).Select(t => EventTypes.TryParse(t, out var type) ? type : (EventType?)null)
                .OfType<EventType>().Distinct().Order().ToList(),
            From = ParseDate(from),
            To = ParseDate(to),
            Sort = sort switch
            {
                SortNewest => TimelineSort.Newest,
                SortOldest => TimelineSort.Oldest,
                SortRelevance => TimelineSort.Relevance,
                _ => hasQuery ? TimelineSort.Relevance : TimelineSort.Newest,
            },
            Take = take,
        };
    }

    /// <summary>A parameter value without control characters, surrogates or non-characters (an actor slug is plain text).</summary>
    public static string CleanToken(string? value) =>
        value is null ? "" : string.Concat(value.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')));

    /// <summary>The relative URL of the timeline showing <paramref name="filter"/>; <c>/</c> without filters.</summary>
    public static string ToUrl(TimelineFilter filter)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            parts.Add("q=" + Uri.EscapeDataString(filter.Query));
        }
        parts.AddRange(filter.Actors.Select(a => "actor=" + Uri.EscapeDataString(a)));
        parts.AddRange(filter.Types.Select(t => "type=" + t.Id()));
        if (filter.From is { } from)
        {
            parts.Add("from=" + FormatDate(from));
        }
        if (filter.To is { } to)
        {
            parts.Add("to=" + FormatDate(to));
        }
        var defaultSort = filter.HasSearch ? TimelineSort.Relevance : TimelineSort.Newest;
        if (filter.Sort != defaultSort && !(filter.Sort == TimelineSort.Relevance && !filter.HasSearch))
        {
            parts.Add("sort=" + SortId(filter.Sort));
        }
        var sb = new StringBuilder("/");
        if (parts.Count > 0)
        {
            sb.Append('?').AppendJoin('&', parts);
        }
        return sb.ToString();
    }

    /// <summary>The timeline filtered by one actor.</summary>
    public static string ForActor(string slug) => ToUrl(new TimelineFilter { Actors = [slug] });

    public static string SortId(TimelineSort sort) => sort switch
    {
        TimelineSort.Oldest => SortOldest,
        TimelineSort.Relevance => SortRelevance,
        _ => SortNewest,
    };

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
