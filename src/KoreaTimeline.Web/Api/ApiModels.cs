using System.Text.Json.Serialization;

namespace KoreaTimeline.Web.Api;

/// <summary>An actor of an event.</summary>
/// <param name="Url">The actor's page.</param>
public sealed record ApiActor(string Slug, string Name, string Kind, string Url);

/// <summary>
/// An event in PLOVER style: its type with the CAMEO and PLOVER codes, the actors, the interval (inclusive
/// <paramref name="Date"/> and <paramref name="EndDate"/>) with its precision, and its permalink.
/// </summary>
/// <param name="Url">Absolute permalink of the event.</param>
/// <param name="Type">Contract id of the event type, e.g. <c>missile_test</c>.</param>
/// <param name="Cameo">CAMEO code(s) of the type, e.g. <c>150</c>; null for <c>other</c>.</param>
/// <param name="Plover">PLOVER category of the type, e.g. <c>MOBILIZE (weapons)</c>; null for <c>other</c>.</param>
/// <param name="Precision">day, week, month, quarter, season, year, decade, century, range or approximate.</param>
/// <param name="DateText">The phrase that dated the event, as written.</param>
/// <param name="Quote">The first quote stating the event (detail and exports only).</param>
/// <param name="Quotes">Every quote with its article (detail and exports only).</param>
/// <param name="Citation">A plain-text citation of the event (detail and exports only).</param>
public sealed record ApiEvent(
    int Id,
    string Url,
    string Title,
    string Type,
    string TypeLabel,
    string? Cameo,
    string? Plover,
    DateOnly Date,
    DateOnly EndDate,
    string Precision,
    string? DateText,
    string? Location,
    IReadOnlyList<ApiActor> Actors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Quote = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiQuote>? Quotes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Citation = null);

/// <summary>A quote stating an event, with the article it comes from.</summary>
/// <param name="ArticleUrl">The article's page in this app, with the quote marked.</param>
/// <param name="SourceUrl">Where the article was published, when known.</param>
public sealed record ApiQuote(string Text, int ArticleId, string ArticleUrl, string? ArticleTitle, string? Outlet, string? SourceUrl, DateOnly Published);

/// <summary>One page of events.</summary>
/// <param name="Total">Matching events in all.</param>
/// <param name="Next">Cursor of the next page (pass it as <c>cursor</c>); null on the last page.</param>
/// <param name="NextUrl">The next page's absolute URL; null on the last page.</param>
public sealed record ApiEventPage(int Total, string? Next, string? NextUrl, IReadOnlyList<ApiEvent> Items);

/// <summary>An event type with its codes and the number of events of that type under the other filters.</summary>
public sealed record ApiType(string Id, string Label, string? Cameo, string? Plover, int Count);

/// <summary>An actor with the number of matching events that involve it.</summary>
/// <param name="EventsUrl">The API query for its events.</param>
public sealed record ApiActorCount(string Slug, string Name, string Kind, int Count, string Url, string EventsUrl);

/// <summary>An actor with its events counted by type.</summary>
public sealed record ApiActorDetail(string Slug, string Name, string Kind, string Url, string EventsUrl, int Total, DateOnly? First, DateOnly? Last, IReadOnlyList<ApiTypeCount> Types);

/// <summary>A count of events of one type.</summary>
public sealed record ApiTypeCount(string Type, int Count);

/// <summary>An article with the spans that state its events.</summary>
public sealed record ApiArticle(
    int Id,
    string Url,
    string Source,
    string? Title,
    string? Outlet,
    string? SourceUrl,
    DateOnly Published,
    string PublishedSource,
    string Text,
    IReadOnlyList<ApiHighlight> Quotes);

/// <summary>A span <c>Text[Start..End]</c> of an article that states an event.</summary>
public sealed record ApiHighlight(int Start, int End, int EventId, string EventTitle, string EventUrl);
