namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>An article as the extractor reads it.</summary>
/// <param name="Text">The text after UTF-8 decoding and BOM strip; every offset indexes into it.</param>
/// <param name="Title">A title from metadata, when there is one.</param>
/// <param name="Published">The publication date from metadata or the command line; inferred when null.</param>
public sealed record ArticleInput(string Text, string? Title = null, DateOnly? Published = null);

/// <summary>What the extractor found in one article.</summary>
public sealed record ExtractionResult(ArticleInfo Article, IReadOnlyList<ExtractedEvent> Events);

/// <summary>The article's reference date and how it was obtained.</summary>
/// <param name="PublishedSource"><c>given</c> or <c>inferred</c>.</param>
public sealed record ArticleInfo(string? Title, DateOnly Published, string PublishedSource, double PublishedConfidence);

/// <summary>A span of the article text: <c>Text == article[Start..End]</c>.</summary>
public sealed record EvidenceSpan(int Start, int End, string Text);

/// <summary>An actor with its canonical name and kind (country, person, organization, military_unit, vessel, other).</summary>
public sealed record ActorRef(string Name, string Kind);

/// <summary>One dated event as the contract's <c>events[]</c> item describes it.</summary>
public sealed record ExtractedEvent(
    string Title,
    EventType Type,
    DateInterval Date,
    string? Timex,
    string? DateText,
    IReadOnlyList<ActorRef> Actors,
    string? Location,
    IReadOnlyList<EvidenceSpan> Evidence,
    double Confidence);
