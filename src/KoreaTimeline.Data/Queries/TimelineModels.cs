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
public sealed record EvidenceQuote(int ArticleId, string? ArticleTitle, string? Outlet, DateOnly Published, int Start, int End, string Text);

/// <summary>One event with everything its permalink page shows.</summary>
public sealed record EventDetail(EventSummary Summary, string? Timex, double Confidence, IReadOnlyList<EvidenceQuote> Evidence);

/// <summary>A span of an article that states an event.</summary>
public sealed record ArticleHighlight(int Start, int End, int EventId, string EventTitle, string EventSlug);

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

/// <summary>What the timeline shows: newest first by default, one page at a time.</summary>
/// <param name="Take">Page size.</param>
public sealed record TimelineFilter(int Take = 100);
