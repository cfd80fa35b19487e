using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Data.Queries;

/// <summary>An actor as pages show it.</summary>
public sealed record ActorSummary(string Slug, string Name, string Kind);

/// <summary>An event as the timeline lists it.</summary>
public sealed record EventSummary(
    int Id,
    string Title,
    string Slug,
    EventType Type,
    DateOnly Start,
    DateOnly End,
    DatePrecision Precision,
    string? DateText,
    string? Location,
    IReadOnlyList<ActorSummary> Actors)
{
    /// <summary>The permalink path of the event.</summary>
    public string Permalink => $"/events/{Id}/{Slug}";
}

/// <summary>A quote stating an event, with the article it comes from.</summary>
/// <param name="EvidenceId">The quote's id: the article page marks it as the element <c>q-{EvidenceId}</c>.</param>
/// <param name="Url">The article's original address (http or https only), when known.</param>
public sealed record EvidenceQuote(int ArticleId, string? ArticleTitle, string? Outlet, DateOnly Published, int Start, int End, string Text,
    int EvidenceId = 0, string? Url = null)
{
    /// <summary>The quote in its article: the article page with the quote as its target.</summary>
    public string ArticleAnchor => $"/articles/{ArticleId}#q-{EvidenceId}";
}

/// <summary>One event with everything its permalink page shows.</summary>
public sealed record EventDetail(EventSummary Summary, string? Timex, double Confidence, IReadOnlyList<EvidenceQuote> Evidence)
{
    /// <summary>The quotes by article, in the order of <see cref="Evidence"/>, each article credited to its outlet.</summary>
    public IReadOnlyList<QuotedArticle> Articles { get; init; } = [];
}

/// <summary>A span of an article that states an event.</summary>
/// <param name="EvidenceId">The quote's id (the element id <c>q-{EvidenceId}</c> on the article page); 0 when unknown.</param>
public sealed record ArticleHighlight(int Start, int End, int EventId, string EventTitle, string EventSlug, int EvidenceId = 0);

/// <summary>An article with the spans that state its events.</summary>
public sealed record ArticleDetail(
    int Id,
    string Source,
    string? Title,
    string? Outlet,
    string? Url,
    DateOnly Published,
    string PublishedSource,
    string Text,
    IReadOnlyList<ArticleHighlight> Highlights);

/// <summary>The order of the timeline.</summary>
public enum TimelineSort
{
    /// <summary>Latest start first (the default without a search).</summary>
    Newest,

    /// <summary>Earliest start first.</summary>
    Oldest,

    /// <summary>Best match first (bm25); only with a search, else the same as <see cref="Newest"/>.</summary>
    Relevance,
}

/// <summary>
/// What the timeline shows. Filters combine with AND; within <see cref="Types"/> any type matches (OR); within
/// <see cref="Actors"/> every actor must take part (AND). Dates keep events whose interval overlaps [From, To].
/// </summary>
public sealed record TimelineFilter
{
    /// <summary>Free text searched in titles, quotes, actor names and places; null or blank for none.</summary>
    public string? Query { get; init; }

    /// <summary>Actor slugs; an event must involve all of them.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>Event types; an event must have one of them.</summary>
    public IReadOnlyList<EventType> Types { get; init; } = [];

    /// <summary>Inclusive first day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Inclusive last day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The order; <see cref="TimelineSort.Relevance"/> needs a search.</summary>
    public TimelineSort Sort { get; init; } = TimelineSort.Newest;

    /// <summary>Page size, clamped to 1..200.</summary>
    public int Take { get; init; } = 50;

    /// <summary>The <see cref="TimelineResults.Next"/> cursor of the previous page; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>True when a search is given that has at least one searchable word.</summary>
    public bool HasSearch => SearchSyntax.ToMatchExpression(Query) is not null;

    /// <summary>The sort actually applied: relevance falls back to newest without a search.</summary>
    public TimelineSort EffectiveSort => Sort == TimelineSort.Relevance && !HasSearch ? TimelineSort.Newest : Sort;

    /// <summary>True when no filter (search, actor, type, date) is set.</summary>
    public bool IsEmpty => !HasSearch && Actors.Count == 0 && Types.Count == 0 && From is null && To is null;
}

/// <summary>An event on a page of the timeline, with its search matches marked.</summary>
/// <param name="TitleMarked">The title with matches between <see cref="SearchSyntax.MarkStart"/> and
/// <see cref="SearchSyntax.MarkEnd"/>; null without a search.</param>
/// <param name="Snippet">A marked excerpt of the quotes, actors or place that matched; null when the title says it all.</param>
public sealed record TimelineItem(EventSummary Event, string? TitleMarked = null, string? Snippet = null)
{
    /// <summary>Where its quotes come from; null until read (<see cref="TimelineQueries.WithSourcesAsync"/>).</summary>
    public EventSources? Sources { get; init; }
}

/// <summary>One page of the timeline.</summary>
/// <param name="Total">How many events match the filter in all.</param>
/// <param name="Next">Cursor of the next page; null on the last one.</param>
public sealed record TimelineResults(IReadOnlyList<TimelineItem> Items, int Total, string? Next)
{
    /// <summary>
    /// In relevance order, how many matches were ranked when there were too many to rank them all (the most recently
    /// added <see cref="TimelineQueries.RankLimit"/>); null when every match was ranked or the order is by date.
    /// </summary>
    public int? Ranked { get; init; }
}

/// <summary>An actor with the number of matching events that involve it.</summary>
public sealed record ActorCount(string Slug, string Name, string Kind, int Count);

/// <summary>An event type with the number of matching events of that type.</summary>
public sealed record TypeCount(EventType Type, int Count);

/// <summary>Matching events that start in one year.</summary>
public sealed record YearCount(int Year, int Count);

/// <summary>
/// Matching events (every filter applied) that start in one month: the list's group headers. A value type, so a view's
/// months cost 12 bytes each in a circuit.
/// </summary>
public readonly record struct MonthCount(int Year, int Month, int Count);

/// <summary>
/// Counts beside the filter values, each computed with the other filters applied: types without the type
/// filter, years without the date filter, actors with every filter (so an actor's count is what adding it to
/// the AND selection would give).
/// </summary>
public sealed record TimelineFacets(IReadOnlyList<ActorCount> Actors, IReadOnlyList<TypeCount> Types, IReadOnlyList<YearCount> Years)
{
    /// <summary>
    /// The results per month of their start, oldest first, with <b>every</b> filter applied (unlike <see cref="Years"/>):
    /// the counts of the list's year and month headers.
    /// </summary>
    public IReadOnlyList<MonthCount> Months { get; init; } = [];
}

/// <summary>An event near another one in time, with the number of actors they share.</summary>
public sealed record RelatedEvent(EventSummary Event, int SharedActors);

/// <summary>The neighbours of an event: related ones, and the previous and next in time.</summary>
public sealed record EventNeighbours(IReadOnlyList<RelatedEvent> Related, EventSummary? Previous, EventSummary? Next);

/// <summary>An actor with its event counts by type.</summary>
public sealed record ActorDetail(ActorSummary Actor, int Total, IReadOnlyList<TypeCount> Types, DateOnly? First, DateOnly? Last);

/// <summary>Where an event's quotes come from: how many articles, and who published them (outlets, once each).</summary>
/// <param name="Count">Articles quoted.</param>
/// <param name="Outlets">The credit of each (<see cref="ArticleTitles.Credit"/>), distinct, earliest article first.</param>
public sealed record EventSources(int Count, IReadOnlyList<string> Outlets);

/// <summary>One article an event is quoted in, with the quotes, for the event page.</summary>
public sealed record QuotedArticle(int ArticleId, string Title, string Credit, string? Outlet, DateOnly Published, string? Url,
    IReadOnlyList<EvidenceQuote> Quotes)
{
    /// <summary>The article page.</summary>
    public string Path => $"/articles/{ArticleId}";
}

/// <summary>How the actor index sorts.</summary>
public enum ActorIndexSort
{
    /// <summary>Most events first (the default).</summary>
    Count,

    /// <summary>By name, A to Z.</summary>
    Name,

    /// <summary>Most recent last event first.</summary>
    Latest,
}

/// <summary>How the article index sorts.</summary>
public enum ArticleIndexSort
{
    /// <summary>Newest publication first (the default).</summary>
    Published,

    /// <summary>By title, A to Z.</summary>
    Title,

    /// <summary>Most events first.</summary>
    Count,
}

/// <summary>A page of an index: its rows, the number of rows matching in all, and the page shown (from 1).</summary>
public sealed record IndexPage<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    /// <summary>How many pages the matching rows fill (at least one).</summary>
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A row of the article index.</summary>
public sealed record ArticleRow(int Id, string Title, string? Outlet, DateOnly Published, int EventCount)
{
    /// <summary>The article page.</summary>
    public string Path => $"/articles/{Id}";
}

/// <summary>
/// The events of any of several actors (a comparison), newest first: a page, the total, each actor's own count.
/// </summary>
public sealed record ComparisonPage(IReadOnlyList<ActorCount> Actors, IReadOnlyList<TimelineItem> Items, int Total, string? Next);

/// <summary>An actor with its event count and the start of its first and last event (null without events).</summary>
public sealed record ActorStat(int Id, ActorSummary Actor, int Count, DateOnly? First, DateOnly? Last)
{
    /// <summary>
    /// The country the actor is or acts for, as the extractor's gazetteer knows it (the actor itself for a country);
    /// null for an actor it does not list. Not stored: the database has no country column.
    /// </summary>
    public string? Country => Actor.Kind == "country"
        ? Actor.Name
        : KoreaTimeline.Extraction.Actors.Gazetteer.Default.Actor(Actor.Name)?.Country;

    /// <summary>The actor page.</summary>
    public string Path => $"/actors/{Actor.Slug}";
}
