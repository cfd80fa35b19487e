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
}
