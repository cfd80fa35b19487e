namespace KoreaTimeline.Web;

/// <summary>The <c>Timeline</c> configuration section.</summary>
public sealed class TimelineOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Timeline";

    /// <summary>The seeds folder when configuration names none.</summary>
    public const string DefaultSeedsPath = "seeds";

    /// <summary>The folder of article files imported on start; relative paths resolve against the working directory.</summary>
    public string SeedsPath { get; set; } = DefaultSeedsPath;

    /// <summary>
    /// The address readers use (scheme, host, optional path), e.g. <c>https://timeline.example.org</c>: the base of every
    /// absolute link. Empty: the first address the server listens on. See <see cref="Web.PublicBaseUrl"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
