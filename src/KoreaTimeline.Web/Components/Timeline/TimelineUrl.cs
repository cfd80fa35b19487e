using System.Globalization;
using System.Text;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Web.Components.Timeline;

/// <summary>
/// The timeline's view as a URL: <c>/?q=missile&amp;actor=north-korea&amp;actor=kim-jong-un&amp;type=missile_test&amp;from=2019-01-01&amp;to=2025-12-31&amp;sort=date</c>.
/// Actors by slug, types by their contract id; dates as the date fields take them, a day, a month or a year
/// (<c>from=2019&amp;to=2019-06</c>: from its first day, to its last), written back in the form they came in
/// (<see cref="DateForms"/>). <c>sort</c> is <c>date</c> (newest first), <c>date-asc</c> or <c>relevance</c>, and is left
/// out when it is the default (relevance with a search, else date). Unknown types and sorts are ignored rather than
/// refused; a date that cannot be read is left out too, and <see cref="ParseDates"/> says why, naming the parameter.
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
        var dates = ParseDates(from, to);
        return new TimelineFilter
        {
            Query = query.Length == 0 ? null : query,
            Actors = (actors ?? []).Select(a => CleanToken(a).Trim().ToLowerInvariant()).Where(a => a.Length is > 0 and <= 120).Distinct().Take(10).ToList(),
            Types = (types ?? []).Select(t => EventTypes.TryParse(t, out var type) ? type : (EventType?)null)
                .OfType<EventType>().Distinct().Order().ToList(),
            From = dates.From,
            To = dates.To,
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

    /// <summary>
    /// The <c>from</c> and <c>to</c> parameters: a day, a month or a year each (<see cref="DateInput"/>). A value that
    /// cannot be read, or a <c>from</c> after the <c>to</c>, is left out with a message naming the parameter.
    /// </summary>
    public static UrlDates ParseDates(string? from, string? to)
    {
        var start = DateInput.Parse(from, DateBound.Start, "from");
        var end = DateInput.Parse(to, DateBound.End, "to");
        var errors = new List<string>();
        if (!start.IsValid)
        {
            errors.Add(NotADate("from", from!));
        }
        if (!end.IsValid)
        {
            errors.Add(NotADate("to", to!));
        }
        if (start.Date is { } f && end.Date is { } t && f > t)
        {
            errors.Add($"The link\u2019s from ({Shown(from!)}) is after its to ({Shown(to!)}), so both are left out: swap them or change one.");
            return new UrlDates(null, null, default, errors);
        }
        return new UrlDates(start.Date, end.Date, new DateForms(start.Form, end.Form), errors);
    }

    /// <summary>The relative URL of the timeline showing <paramref name="filter"/>; <c>/</c> without filters.</summary>
    /// <param name="forms">How to write the dates: the short form they were typed in (<c>2019</c>, <c>2019-06</c>)
    /// when it still says the same day; the default writes whole days.</param>
    public static string ToUrl(TimelineFilter filter, DateForms forms = default)
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
            parts.Add("from=" + DateInput.Format(from, DateBound.Start, forms.From));
        }
        if (filter.To is { } to)
        {
            parts.Add("to=" + DateInput.Format(to, DateBound.End, forms.To));
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

    private static string NotADate(string name, string value) =>
        $"The link\u2019s {name}, {Shown(value)}, is not a date, so it is left out: use {char.ToLowerInvariant(DateInput.Hint[0])}{DateInput.Hint[1..]}.";

    // A parameter's value as a message quotes it: without control characters, at most 20 characters.
    private static string Shown(string value)
    {
        var clean = CleanToken(value).Trim();
        return $"\u201C{(clean.Length > 20 ? clean[..20] + "\u2026" : clean)}\u201D";
    }
}

/// <summary>How a timeline URL writes its dates: the form each was typed in (a whole day by default).</summary>
public readonly record struct DateForms(DateForm From, DateForm To);

/// <summary>The <c>from</c> and <c>to</c> of a timeline URL, read (<see cref="TimelineUrl.ParseDates"/>).</summary>
/// <param name="From">The first day, or null (none, or left out).</param>
/// <param name="To">The last day, or null.</param>
/// <param name="Forms">How the dates were written, to write them back the same way.</param>
/// <param name="Errors">Why a parameter was left out, one sentence each, naming it; empty when both could be read.</param>
public sealed record UrlDates(DateOnly? From, DateOnly? To, DateForms Forms, IReadOnlyList<string> Errors);
