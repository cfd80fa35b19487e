namespace KoreaTimeline.Data.Entities;

/// <summary>A news article the timeline was built from, with the text its evidence spans index into.</summary>
public class Article
{
    public int Id { get; set; }

    /// <summary>Where it was imported from: the file name relative to the import root, or a URL.</summary>
    public required string Source { get; set; }

    public string? Title { get; set; }
    public string? Outlet { get; set; }
    public string? Url { get; set; }

    /// <summary>The article's reference date: given by metadata or inferred from the text.</summary>
    public DateOnly Published { get; set; }

    /// <summary><c>given</c> or <c>inferred</c>.</summary>
    public required string PublishedSource { get; set; }

    /// <summary>SHA-256 of the text, lowercase hex: the same content imports once.</summary>
    public required string ContentHash { get; set; }

    public required string Text { get; set; }

    /// <summary>The extractor version that produced this article's events.</summary>
    public required string ExtractorVersion { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public List<Evidence> Evidence { get; set; } = [];
}
