namespace KoreaTimeline.Web.Api;

/// <summary>Limits of the JSON API and the exports, bound to the <c>Timeline</c> section.</summary>
public sealed class OpenDataOptions
{
    /// <summary>The most events one export writes; beyond it the first ones are written and the export says it was cut.</summary>
    public int ExportLimit { get; set; } = 10_000;

    /// <summary>The most entries an Atom feed holds (a feed follows what is new; the exports hold the rest).</summary>
    public int FeedLimit { get; set; } = 100;

    /// <summary>Requests per client address and minute on <c>/api</c> and <c>/export</c>.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The <c>Timeline:RateLimit</c> section.</summary>
    public sealed class RateLimitOptions
    {
        /// <summary>Permits per fixed one-minute window per client IP; 0 or less turns the limit off.</summary>
        public int PermitPerMinute { get; set; } = 120;

        /// <summary>HTML page requests per client address and minute (static files excluded); 0 or less turns it off.</summary>
        public int PagesPerMinute { get; set; } = 300;

        /// <summary>Open circuits (live <c>/_blazor</c> connections) per client address; 0 or less: no cap.</summary>
        public int MaxCircuitsPerClient { get; set; } = 20;
    }
}
