namespace KoreaTimeline.Data.Import;

/// <summary>What happened to one article in an import.</summary>
public enum ImportStatus
{
    New,
    Changed,
    Unchanged,
    Failed,
}

/// <summary>The outcome of importing (or re-extracting) one article.</summary>
/// <param name="EventsAdded">Events created for this article.</param>
/// <param name="EventsMerged">Events of this article merged into an event another article already stated.</param>
/// <param name="EventsRemoved">Events deleted because the article no longer states them and no other article does.</param>
/// <param name="Warning">Something worth a look in an article that was imported anyway (no dated event, duplicate text).</param>
public sealed record ArticleImportResult(
    string Source,
    ImportStatus Status,
    int? ArticleId = null,
    int EventsAdded = 0,
    int EventsMerged = 0,
    int EventsRemoved = 0,
    string? Error = null,
    string? Warning = null,
    TimeSpan Elapsed = default)
{
    /// <summary>The events this article now states on the timeline through this import.</summary>
    public int Events => EventsAdded + EventsMerged;

    public static ArticleImportResult Failed(string source, string error) => new(source, ImportStatus.Failed, Error: error);
}

/// <summary>Settings of the importer.</summary>
/// <param name="MaxArticleBytes">Largest article file accepted, in bytes (CLI <c>--max-bytes</c>, web <c>Timeline:MaxArticleBytes</c>).</param>
public sealed record ArticleImportOptions(long MaxArticleBytes = ArticleFileReader.DefaultMaxBytes);

/// <summary>Totals of an import: articles new, changed, unchanged, failed; events added, merged, removed.</summary>
public sealed record ImportSummary(int New, int Changed, int Unchanged, int Failed, int Warnings, int EventsAdded, int EventsMerged, int EventsRemoved)
{
    public static ImportSummary Of(IEnumerable<ArticleImportResult> results)
    {
        var list = results as IReadOnlyCollection<ArticleImportResult> ?? results.ToList();
        return new ImportSummary(
            list.Count(r => r.Status == ImportStatus.New),
            list.Count(r => r.Status == ImportStatus.Changed),
            list.Count(r => r.Status == ImportStatus.Unchanged),
            list.Count(r => r.Status == ImportStatus.Failed),
            list.Count(r => r.Warning is not null),
            list.Sum(r => r.EventsAdded),
            list.Sum(r => r.EventsMerged),
            list.Sum(r => r.EventsRemoved));
    }

    public override string ToString() =>
        $"Articles: {New} new, {Changed} changed, {Unchanged} unchanged, {Failed} failed" +
        (Warnings > 0 ? $" ({Warnings} with warnings)" : "") +
        $"; events: {EventsAdded} added, {EventsMerged} merged, {EventsRemoved} removed.";
}
