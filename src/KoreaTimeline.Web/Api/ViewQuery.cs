using System.ComponentModel;
using System.Text;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Components.Timeline;
using Microsoft.AspNetCore.Mvc;

namespace KoreaTimeline.Web.Api;

/// <summary>
/// The timeline's query string (<c>q</c>, <c>actor</c>, <c>type</c>, <c>from</c>, <c>to</c>, <c>sort</c>) as the API
/// and the exports take it. The page ignores what it cannot read; here bad values are refused with the parameter's
/// name, and what passes is mapped by <see cref="TimelineUrl.Parse"/>, so a URL means exactly what the page shows.
/// </summary>
public sealed class ViewQuery
{
    /// <summary>Search words: all must match; <c>prefix*</c> and <c>"exact phrase"</c> work.</summary>
    [FromQuery(Name = "q")]
    [Description("Search over titles, quotes, actor names and places (SQLite FTS5): words all match, prefix*, \"exact phrase\".")]
    public string? Q { get; set; }

    /// <summary>Actor slugs; an event must involve all of them.</summary>
    [FromQuery(Name = "actor")]
    [Description("Actor slug (repeatable, at most 10); an event must involve every actor given.")]
    public string[]? Actor { get; set; }

    /// <summary>Event type ids; an event must have one of them.</summary>
    [FromQuery(Name = "type")]
    [Description("Event type id (repeatable), e.g. missile_test; an event must have one of them. See /api/types.")]
    public string[]? Type { get; set; }

    /// <summary>First day: a year, a month or a day (<see cref="DateInput"/>); a year or month means its first day.</summary>
    [FromQuery(Name = "from")]
    [Description("First day: YYYY, YYYY-MM or YYYY-MM-DD (2019 is 2019-01-01, 2019-06 is 2019-06-01); keeps events whose interval overlaps [from, to].")]
    public string? From { get; set; }

    /// <summary>Last day: a year, a month or a day; a year or month means its last day.</summary>
    [FromQuery(Name = "to")]
    [Description("Last day: YYYY, YYYY-MM or YYYY-MM-DD (2019 is 2019-12-31, 2019-06 is 2019-06-30).")]
    public string? To { get; set; }

    /// <summary>date, date-asc or relevance.</summary>
    [FromQuery(Name = "sort")]
    [Description("date (newest first), date-asc or relevance; default relevance with a search, else date.")]
    public string? Sort { get; set; }

    /// <summary>The most actors a view can name.</summary>
    public const int MaxActors = 10;

    /// <summary>The filter, or the errors by parameter name.</summary>
    public Parsed<TimelineFilter> ToFilter(int take = 50)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var actors = Actor ?? [];
        if (actors.Length > MaxActors)
        {
            errors["actor"] = [$"At most {MaxActors} actors can be combined."];
        }
        else if (actors.Any(a => string.IsNullOrWhiteSpace(a) || a.Trim().Length > 120 || TimelineUrl.CleanToken(a).Length != a.Length))
        {
            errors["actor"] = ["An actor slug must be 1 to 120 characters without control characters, e.g. north-korea."];
        }
        var unknownTypes = (Type ?? []).Where(t => !EventTypes.TryParse(t, out _)).ToList();
        if (unknownTypes.Count > 0)
        {
            errors["type"] = [$"Unknown event type {string.Join(", ", unknownTypes.Select(t => $"'{t}'"))}; known: {string.Join(", ", EventTypes.All.Select(t => t.Id))}."];
        }
        var from = ParseDate("from", From, DateBound.Start, errors);
        var to = ParseDate("to", To, DateBound.End, errors);
        if (from is { } fromDay && to is { } toDay && fromDay > toDay)
        {
            errors["to"] = [$"to: '{To}' ends on {TimelineUrl.FormatDate(toDay)}, before from: '{From}' starts on {TimelineUrl.FormatDate(fromDay)}."];
        }
        if (Sort is not null && Sort is not (TimelineUrl.SortNewest or TimelineUrl.SortOldest or TimelineUrl.SortRelevance))
        {
            errors["sort"] = [$"Unknown sort '{Sort}'; use {TimelineUrl.SortNewest}, {TimelineUrl.SortOldest} or {TimelineUrl.SortRelevance}."];
        }
        return errors.Count > 0
            ? Parsed<TimelineFilter>.Fail(errors)
            : Parsed<TimelineFilter>.Ok(TimelineUrl.Parse(Q, Actor, Type, From, To, Sort, take));
    }

    /// <summary>The query string of this view as the timeline writes it (<c>q=...&amp;actor=...</c>, no <c>?</c>), or empty without filters.</summary>
    public static string QueryString(TimelineFilter filter)
    {
        var url = TimelineUrl.ToUrl(filter);
        var question = url.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? "" : url[(question + 1)..];
    }

    /// <summary>A short description of the view for titles: "search "x", actors a + b, types t, 2019-01-01 to 2020-12-31".</summary>
    public static string Describe(TimelineFilter filter)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            parts.Add($"search \"{filter.Query}\"");
        }
        if (filter.Actors.Count > 0)
        {
            parts.Add((filter.Actors.Count == 1 ? "actor " : "actors ") + string.Join(" + ", filter.Actors));
        }
        if (filter.Types.Count > 0)
        {
            parts.Add((filter.Types.Count == 1 ? "type " : "types ") + string.Join(", ", filter.Types.Select(t => t.Id())));
        }
        if (filter.From is not null || filter.To is not null)
        {
            parts.Add($"{(filter.From is { } f ? TimelineUrl.FormatDate(f) : "…")} to {(filter.To is { } t ? TimelineUrl.FormatDate(t) : "…")}");
        }
        var sb = new StringBuilder("KoreaTimeline");
        if (parts.Count > 0)
        {
            sb.Append(": ").AppendJoin("; ", parts);
        }
        return sb.ToString();
    }

    // The page's reading of a date field (DateInput), so a URL's dates mean the same days here as on the page; only the
    // message differs, naming the parameter and the forms as an API caller writes them.
    private static DateOnly? ParseDate(string name, string? text, DateBound bound, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        var result = DateInput.Parse(text, bound, name);
        if (!result.IsValid)
        {
            var shown = TimelineUrl.CleanToken(text).Trim();
            errors[name] = [$"{name}: '{(shown.Length > 40 ? shown[..40] + "\u2026" : shown)}' is not a date; use {DateInput.Forms}, e.g. 2019, 2019-06 or 2019-06-15."];
        }
        return result.Date;
    }
}

/// <summary>A value read from a request, or the errors by parameter name.</summary>
public sealed record Parsed<T>(T? Value, IDictionary<string, string[]>? Errors)
{
    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(IDictionary<string, string[]> errors) => new(default, errors);
}
