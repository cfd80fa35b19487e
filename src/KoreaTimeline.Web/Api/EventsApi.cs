using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KoreaTimeline.Web.Api;

/// <summary>The JSON API under <c>/api</c>: events, actors, types and articles, with the timeline's filters.</summary>
public static partial class EventsApi
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Maps the endpoints on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", GetEventsAsync).WithName("GetEvents")
            .WithSummary("Events of a timeline view, one page at a time")
            .WithDescription("The timeline's own filters (q, actor, type, from, to, sort). Pages follow the cursor in `next`.");
        api.MapGet("/events/{id:int}", GetEventAsync).WithName("GetEvent")
            .WithSummary("One event with its quotes and a citation")
            .WithDescription("An id that a re-import replaced or a merge took away answers 301 with the successor's URL in `Location`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/actors", GetActorsAsync).WithName("GetActors")
            .WithSummary("Actors with the number of events of the view that involve each");
        api.MapGet("/actors/{slug}", GetActorAsync).WithName("GetActor")
            .WithSummary("One actor with its events counted by type").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/types", GetTypesAsync).WithName("GetTypes")
            .WithSummary("Event types with their CAMEO and PLOVER codes and counts under the view's other filters");
        api.MapGet("/articles/{id:int}", GetArticleAsync).WithName("GetArticle")
            .WithSummary("One article with the spans that state its events").ProducesProblem(StatusCodes.Status404NotFound);
        // The API is read-only: other methods on its routes are 405 (with Allow), not the catch-all's 404.
        api.MethodNotAllowed("/events", "/events/{id:int}", "/actors", "/actors/{slug}", "/types", "/articles/{id:int}");
        // Anything else under /api is a 404 problem, not the HTML not-found page.
        api.Map("/{**rest}", (string? rest) => NotFound($"There is no API endpoint /api/{rest}.")).ExcludeFromDescription();
        return api;
    }

    /// <summary>The methods a read-only route refuses with 405.</summary>
    private static readonly string[] WriteMethods = ["HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    /// <summary>Answers any method but GET on <paramref name="patterns"/> with a 405 problem and <c>Allow: GET</c>.</summary>
    public static RouteGroupBuilder MethodNotAllowed(this RouteGroupBuilder group, params string[] patterns)
    {
        foreach (var pattern in patterns)
        {
            group.MapMethods(pattern, WriteMethods, (HttpContext http) =>
            {
                http.Response.Headers.Allow = "GET";
                return TypedResults.Problem($"{http.Request.Method} is not allowed here: the open data is read-only; use GET.",
                    statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed", type: "https://tools.ietf.org/html/rfc9110#section-15.5.6");
            }).ExcludeFromDescription();
        }
        return group;
    }

    /// <summary>A 400 problem naming the bad parameters.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more parameters are invalid.",
            detail: "Bad parameters: " + string.Join(", ", errors.Keys) + ".", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");

    /// <summary>A 404 problem.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: "https://tools.ietf.org/html/rfc9110#section-15.5.5");

    private static async Task<Results<Ok<ApiEventPage>, ValidationProblem>> GetEventsAsync(
        [AsParameters] ViewQuery view,
        [Description("Events per page, 1 to 200 (default 50).")] string? limit,
        [Description("The `next` value of the previous page; leave out for the first page.")] string? cursor,
        TimelineQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var take = ParseInt("limit", limit, 50, 1, MaxPageSize, errors);
        var parsed = view.ToFilter(take);
        if (parsed.Errors is not null || errors.Count > 0)
        {
            return Invalid(Merge(parsed.Errors, errors));
        }
        var filter = parsed.Value!;
        if (cursor is not null)
        {
            if (!IsCursor(cursor, filter.EffectiveSort))
            {
                return Invalid(new Dictionary<string, string[]> { ["cursor"] = [$"'{cursor}' is not a cursor of this view; pass the `next` value of the previous page unchanged."] });
            }
            filter = filter with { After = cursor };
        }
        var page = await queries.GetPageAsync(filter, cancellationToken);
        var map = ApiMapper.For(request);
        var nextUrl = page.Next is null ? null : map.Absolute(NextUrl(filter, take, page.Next));
        return TypedResults.Ok(new ApiEventPage(page.Total, page.Next, nextUrl, page.Items.Select(i => map.Event(i.Event)).ToList()));
    }

    private static async Task<Results<Ok<ApiEvent>, RedirectHttpResult, ProblemHttpResult>> GetEventAsync(
        int id, TimelineQueries queries, OpenDataReader reader, HttpRequest request, CancellationToken cancellationToken)
    {
        var detail = await queries.GetEventAsync(id, cancellationToken);
        if (detail is null)
        {
            // A replaced or merged-away id: 301 to the successor (the whole alias chain in one step).
            if (await queries.FindSuccessorAsync(id, cancellationToken) is { } successor)
            {
                return TypedResults.Redirect($"{request.PathBase}/api/events/{successor.Id}", permanent: true);
            }
            return NotFound($"No event has id {id}.");
        }
        var quotes = await reader.LoadQuotesAsync([id], cancellationToken);
        var map = ApiMapper.For(request);
        var permalink = map.Absolute(detail.Summary.Permalink);
        var citation = EventCitation.PlainText(detail.Summary, EventCitation.From(quotes), permalink, DateOnly.FromDateTime(DateTime.UtcNow));
        return TypedResults.Ok(map.Event(detail.Summary, quotes, citation));
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiActorCount>>, ValidationProblem>> GetActorsAsync(
        [AsParameters] ViewQuery view,
        [Description("Only actors whose name contains this text.")] string? name,
        [Description("At most this many actors, 1 to 500 (default 50).")] string? limit,
        TimelineQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var take = ParseInt("limit", limit, 50, 1, 500, errors);
        var parsed = view.ToFilter();
        if (parsed.Errors is not null || errors.Count > 0)
        {
            return Invalid(Merge(parsed.Errors, errors));
        }
        var filter = parsed.Value!;
        var counts = string.IsNullOrWhiteSpace(name)
            ? (await queries.GetFacetsAsync(filter, take, cancellationToken)).Actors.Take(Math.Max(take, filter.Actors.Count))
            : await queries.SearchActorsAsync(name, filter, take, cancellationToken);
        var map = ApiMapper.For(request);
        return TypedResults.Ok<IReadOnlyList<ApiActorCount>>(counts
            .Select(a => new ApiActorCount(a.Slug, a.Name, a.Kind, a.Count, map.Absolute($"/actors/{Uri.EscapeDataString(a.Slug)}"),
                map.Absolute($"/api/events?actor={Uri.EscapeDataString(a.Slug)}")))
            .ToList());
    }

    private static async Task<Results<Ok<ApiActorDetail>, ProblemHttpResult>> GetActorAsync(
        string slug, TimelineQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        var actor = await queries.GetActorAsync(slug, cancellationToken);
        if (actor is null)
        {
            return NotFound($"No actor has slug '{slug}'.");
        }
        var map = ApiMapper.For(request);
        var a = actor.Actor;
        return TypedResults.Ok(new ApiActorDetail(a.Slug, a.Name, a.Kind, map.Absolute($"/actors/{Uri.EscapeDataString(a.Slug)}"),
            map.Absolute($"/api/events?actor={Uri.EscapeDataString(a.Slug)}"), actor.Total, actor.First, actor.Last,
            actor.Types.Select(t => new ApiTypeCount(t.Type.Id(), t.Count)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiType>>, ValidationProblem>> GetTypesAsync(
        [AsParameters] ViewQuery view, TimelineQueries queries, CancellationToken cancellationToken)
    {
        var parsed = view.ToFilter();
        if (parsed.Errors is not null)
        {
            return Invalid(parsed.Errors);
        }
        var counts = (await queries.GetFacetsAsync(parsed.Value!, 1, cancellationToken)).Types.ToDictionary(t => t.Type, t => t.Count);
        return TypedResults.Ok<IReadOnlyList<ApiType>>(EventTypes.All
            .Select(t => new ApiType(t.Id, t.Label, ApiMapper.Code(t.Cameo), ApiMapper.Code(t.Plover), counts.GetValueOrDefault(t.Type)))
            .ToList());
    }

    private static async Task<Results<Ok<ApiArticle>, ProblemHttpResult>> GetArticleAsync(
        int id, TimelineQueries queries, HttpRequest request, CancellationToken cancellationToken)
    {
        var article = await queries.GetArticleAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound($"No article has id {id}.");
        }
        var map = ApiMapper.For(request);
        return TypedResults.Ok(new ApiArticle(article.Id, map.Absolute($"/articles/{article.Id}"), article.Source, article.Title, article.Outlet,
            article.Url, article.Published, article.PublishedSource, article.Text,
            article.Highlights.Select(h => new ApiHighlight(h.Start, h.End, h.EventId, h.EventTitle, map.Absolute($"/events/{h.EventId}/{h.EventSlug}"))).ToList()));
    }

    /// <summary>An integer parameter within bounds; records an error naming it otherwise.</summary>
    public static int ParseInt(string name, string? text, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"'{text}' is out of range: {name} must be a whole number from {min} to {max}."];
        return fallback;
    }

    private static Dictionary<string, string[]> Merge(IDictionary<string, string[]>? first, Dictionary<string, string[]> second)
    {
        var all = new Dictionary<string, string[]>(second, StringComparer.Ordinal);
        foreach (var (key, value) in first ?? new Dictionary<string, string[]>())
        {
            all[key] = value;
        }
        return all;
    }

    /// <summary>Cursors as <see cref="TimelineQueries"/> writes them: <c>yyyy-MM-dd_id</c> for date orders, <c>o{offset}</c> for relevance.</summary>
    private static bool IsCursor(string cursor, TimelineSort sort) =>
        sort == TimelineSort.Relevance
            ? OffsetCursor().IsMatch(cursor)
            : KeysetCursor().Match(cursor) is { Success: true } m
              && DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string NextUrl(TimelineFilter filter, int take, string next)
    {
        var query = ViewQuery.QueryString(filter);
        // The view's own query string keeps the default sort implicit; paging needs the same sort, so it stays implicit too.
        return $"/api/events?{(query.Length > 0 ? query + "&" : "")}limit={take}&cursor={Uri.EscapeDataString(next)}";
    }

    [GeneratedRegex(@"^o[0-9]{1,9}$")]
    private static partial Regex OffsetCursor();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2})_[0-9]{1,9}$")]
    private static partial Regex KeysetCursor();
}
