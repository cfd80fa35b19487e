using System.Diagnostics;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>
/// Imports articles: reads and checks each file, extracts its events outside any transaction, then stores the
/// article with its events in one short write transaction, so a failure or a kill never leaves half an article.
/// The same content imports once; changed content replaces the article's own evidence, and an event that other
/// articles also state keeps their evidence. New events merge into another article's event by
/// <see cref="EventMergeRule"/>.
/// </summary>
public sealed class ArticleImporter(
    IDbContextFactory<TimelineDbContext> contextFactory,
    ArticleExtractor extractor,
    TimelineChanges changes,
    ArticleImportOptions options,
    ILogger<ArticleImporter> logger)
{
    /// <summary>The article files under <paramref name="folder"/> (recursively, ordinal name order) with their source names.</summary>
    public static IReadOnlyList<(string Path, string Source)> FindArticles(string folder) => ScanArticles(folder).Articles;

    /// <summary>
    /// The article files under <paramref name="folder"/> and the paths refused on the way (links to folders are never
    /// followed; see <see cref="ArticleFolder"/>).
    /// </summary>
    public static FolderScan ScanArticles(string folder) => ArticleFolder.Scan(folder, ArticleFileReader.IsArticlePath);

    /// <summary>Failed results naming each refused path, logged as errors.</summary>
    public IReadOnlyList<ArticleImportResult> Refuse(IEnumerable<RefusedPath> refused) =>
        refused.Select(r =>
        {
            logger.LogError("Skipped {Source}: {Reason}", r.Path, r.Reason);
            return ArticleImportResult.Failed(r.Path, r.ToString());
        }).ToList();

    /// <summary>Imports every article under <paramref name="folder"/>, recursively, in name order.</summary>
    public async Task<IReadOnlyList<ArticleImportResult>> ImportFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Article folder {Folder} does not exist; nothing to import", folder);
            return [];
        }
        var scan = ScanArticles(folder);
        var results = Refuse(scan.Refused).ToList();
        results.AddRange(await ImportFilesAsync(scan.Articles, null, cancellationToken));
        return results;
    }

    /// <summary>Imports files one by one; <paramref name="onResult"/> hears of each as it is done (for a progress bar).</summary>
    public async Task<IReadOnlyList<ArticleImportResult>> ImportFilesAsync(
        IReadOnlyList<(string Path, string Source)> files, Action<ArticleImportResult>? onResult, CancellationToken cancellationToken = default)
    {
        var results = new List<ArticleImportResult>(files.Count);
        foreach (var (path, source) in files)
        {
            var result = await ImportFileAsync(path, source, cancellationToken);
            results.Add(result);
            onResult?.Invoke(result);
        }
        return results;
    }

    /// <summary>Imports one file under the given source name; bad input gives a failed result, never an exception.</summary>
    public async Task<ArticleImportResult> ImportFileAsync(string path, string source, CancellationToken cancellationToken = default)
    {
        ArticleFile file;
        try
        {
            file = await ArticleFileReader.ReadAsync(path, source, options.MaxArticleBytes, cancellationToken);
        }
        catch (ArticleInputException e)
        {
            logger.LogError("Skipped {Source}: {Reason}", source, e.Message);
            return ArticleImportResult.Failed(source, e.Message);
        }
        var result = await ImportAsync(file, cancellationToken);
        if (file.Warning is { } warning)
        {
            logger.LogWarning("{Source}: {Warning}", source, warning);
            result = result with { Warning = result.Warning is null ? warning : $"{result.Warning} {warning}" };
        }
        return result;
    }

    /// <summary>Extracts and stores one article that has been read.</summary>
    public async Task<ArticleImportResult> ImportAsync(ArticleFile file, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Articles.AsNoTracking().Where(a => a.Source == file.Source)
            .Select(a => new StoredArticle(a.Id, a.ContentHash, a.ExtractorVersion, a.Title, a.Outlet, a.Url, a.Published, a.PublishedSource))
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null && stored.SameAs(file))
        {
            logger.LogInformation("Unchanged {Source}", file.Source);
            return new ArticleImportResult(file.Source, ImportStatus.Unchanged, stored.Id, Elapsed: clock.Elapsed);
        }
        if (stored is null)
        {
            var twin = await db.Articles.AsNoTracking().Where(a => a.ContentHash == file.ContentHash)
                .Select(a => new { a.Id, a.Source }).FirstOrDefaultAsync(cancellationToken);
            if (twin is not null)
            {
                var warning = $"{file.Source}: the same text is already imported as {twin.Source}; skipped.";
                logger.LogWarning("Unchanged {Source}: same text as {OtherSource}", file.Source, twin.Source);
                return new ArticleImportResult(file.Source, ImportStatus.Unchanged, twin.Id, Warning: warning, Elapsed: clock.Elapsed);
            }
        }

        // Extraction is CPU work: it runs before the write transaction so the write lock stays short.
        if (Extract(file, file.Metadata, out var failure) is not { } extraction)
        {
            return ArticleImportResult.Failed(file.Source, failure);
        }
        return await StoreAsync(db, file, extraction, stored is null ? ImportStatus.New : ImportStatus.Changed, clock, cancellationToken);
    }

    /// <summary>
    /// Runs the current extractor over stored articles (all of them, or only those another extractor version
    /// produced), each in its own transaction like an import.
    /// </summary>
    public async Task<IReadOnlyList<ArticleImportResult>> ReextractAsync(
        bool onlyStale, Action<int, ArticleImportResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        List<int> ids;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Articles.Where(a => !onlyStale || a.ExtractorVersion != ArticleExtractor.Version)
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        }
        var results = new List<ArticleImportResult>(ids.Count);
        foreach (var id in ids)
        {
            if (await ReextractArticleAsync(id, cancellationToken) is { } result)
            {
                results.Add(result);
                onResult?.Invoke(ids.Count, result);
            }
        }
        return results;
    }

    private async Task<ArticleImportResult?> ReextractArticleAsync(int id, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Source, a.Text, a.ContentHash, a.Title, a.Outlet, a.Url, a.Published, a.PublishedSource })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null; // Removed since the list was read.
        }
        // Only a date that metadata gave is given again; an inferred one is inferred anew by the new extractor.
        var metadata = new ArticleMetadata(article.Title, article.Outlet, article.Url, article.PublishedSource == "given" ? article.Published : null);
        var file = new ArticleFile(article.Source, article.Text, article.ContentHash, metadata);
        if (Extract(file, metadata, out var failure) is not { } extraction)
        {
            return ArticleImportResult.Failed(file.Source, failure);
        }
        return await StoreAsync(db, file, extraction, ImportStatus.Changed, clock, cancellationToken);
    }

    // The extractor is written never to throw; if it does, that article fails and the import goes on.
    private ExtractionResult? Extract(ArticleFile file, ArticleMetadata metadata, out string failure)
    {
        failure = "";
        try
        {
            return extractor.Extract(new ArticleInput(file.Text, metadata.Title, metadata.Published));
        }
        catch (ExtractionException e)
        {
            logger.LogError("The extractor could not finish {Source}: {Reason}", file.Source, e.Message);
            failure = $"{file.Source}: {e.Message} Nothing was stored for it; split the article or report the file.";
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The extractor failed on {Source}; nothing was stored for it", file.Source);
            failure = $"{file.Source}: the extractor failed on this article and nothing was stored for it; this is a bug, please report it with the file.";
            return null;
        }
    }

    private async Task<ArticleImportResult> StoreAsync(
        TimelineDbContext db, ArticleFile file, ExtractionResult extraction, ImportStatus status, Stopwatch clock, CancellationToken cancellationToken)
    {
        int added = 0, merged = 0, removed = 0;
        Article article;
        // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken now, not upgraded later (which could deadlock).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var existing = await db.Articles.SingleOrDefaultAsync(a => a.Source == file.Source, cancellationToken);
            // Another importer (the seeds watcher, a second command) may have stored it since the first look.
            if (existing is not null && status == ImportStatus.New)
            {
                status = ImportStatus.Changed;
            }
            article = existing ?? db.Articles.Add(new Article { Source = file.Source, PublishedSource = "", ContentHash = "", Text = "", ExtractorVersion = "" }).Entity;

            // The article's previous events: its evidence goes; those no other article states may be reused in place
            // (same id, so permalinks survive a re-import), and the rest are deleted at the end.
            // Events other articles still state stay, and the new extraction may merge back into them.
            var previous = new List<Event>();
            if (article.Id != 0)
            {
                var articleId = article.Id;
                previous = await db.Events.Where(e => e.Evidence.Any(v => v.ArticleId == articleId))
                    .Include(e => e.Actors).ThenInclude(a => a.Actor).ToListAsync(cancellationToken);
                var previousIds = previous.Select(e => e.Id).ToList();
                await db.Evidence.Where(v => v.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
                var stillStated = await db.Evidence.Where(v => previousIds.Contains(v.EventId)).Select(v => v.EventId).Distinct()
                    .ToListAsync(cancellationToken);
                previous.RemoveAll(e => stillStated.Contains(e.Id));
            }
            var orphans = previous.Select(e => e.Id).ToHashSet();

            article.Title = file.Metadata.Title ?? extraction.Article.Title;
            article.Outlet = file.Metadata.Outlet;
            article.Url = file.Metadata.Url;
            article.Published = extraction.Article.Published;
            article.PublishedSource = extraction.Article.PublishedSource;
            article.ContentHash = file.ContentHash;
            article.Text = file.Text;
            article.ExtractorVersion = ArticleExtractor.Version;
            article.ImportedAt = DateTimeOffset.UtcNow;

            var actors = await ResolveActorsAsync(db, extraction.Events, cancellationToken);
            var absorbed = new HashSet<int>();
            foreach (var extracted in extraction.Events)
            {
                var eventActors = extracted.Actors.Select(a => actors[Slugs.From(a.Name)]).DistinctBy(a => a.Slug).ToList();
                var evidence = extracted.Evidence.Select(v => new Evidence { Article = article, Start = v.Start, End = v.End, Text = v.Text }).ToList();
                var incoming = new MergeCandidate(extracted.Type, extracted.Date.Start, extracted.Date.End, eventActors.Select(ToMergeActor).ToList());

                if (TakeOwnPrevious(previous, extracted) is { } own)
                {
                    Overwrite(own, extracted, eventActors);
                    own.Evidence.AddRange(evidence);
                    continue;
                }
                if (await FindMergeTargetAsync(db, incoming, orphans, absorbed, cancellationToken) is { } target)
                {
                    MergeInto(target, extracted, eventActors);
                    target.Evidence.AddRange(evidence);
                    absorbed.Add(target.Id);
                    merged++;
                    continue;
                }
                var created = new Event { Title = "", Slug = "", Evidence = evidence };
                Overwrite(created, extracted, eventActors);
                db.Events.Add(created);
                added++;
            }
            foreach (var orphan in previous)
            {
                db.Events.Remove(orphan);
                removed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        changes.NotifyChanged();

        string? warning = null;
        if (extraction.Events.Count == 0)
        {
            warning = $"{file.Source}: no dated event found; the article is stored without events. Check its published date (sidecar) and text.";
            logger.LogWarning("{Source}: no dated event found; stored without events", file.Source);
        }
        logger.LogInformation(
            "Imported {Source} ({Status}): {Added} events added, {Merged} merged, {Removed} removed; published {Published} ({PublishedSource}) in {ElapsedMs} ms",
            file.Source, status, added, merged, removed, article.Published.ToString("yyyy-MM-dd"), article.PublishedSource, clock.ElapsedMilliseconds);
        return new ArticleImportResult(file.Source, status, article.Id, added, merged, removed, null, warning, clock.Elapsed);
    }

    // This article's own earlier event of the same type and overlapping date, preferring the same headline.
    private static Event? TakeOwnPrevious(List<Event> previous, ExtractedEvent extracted)
    {
        var slug = Slugs.From(extracted.Title);
        var own = previous
            .Where(e => e.Type == extracted.Type && e.Start <= extracted.Date.End && extracted.Date.Start <= e.End)
            .OrderByDescending(e => e.Slug == slug)
            .ThenBy(e => Math.Abs(e.Start.DayNumber - extracted.Date.Start.DayNumber))
            .FirstOrDefault();
        if (own is not null)
        {
            previous.Remove(own);
        }
        return own;
    }

    private static async Task<Event?> FindMergeTargetAsync(
        TimelineDbContext db, MergeCandidate incoming, HashSet<int> excluded, HashSet<int> absorbed, CancellationToken cancellationToken)
    {
        var (type, start, end) = (incoming.Type, incoming.Start, incoming.End);
        var candidates = await db.Events
            .Where(e => e.Type == type && e.Start <= end && start <= e.End)
            .Include(e => e.Actors).ThenInclude(a => a.Actor)
            .ToListAsync(cancellationToken);
        // An article merges at most one of its events into each existing event: the extractor kept them apart.
        return candidates
            .Where(e => !excluded.Contains(e.Id) && !absorbed.Contains(e.Id))
            .Select(e => (Event: e, Key: new MergeCandidate(e.Type, e.Start, e.End, e.Actors.Select(a => ToMergeActor(a.Actor)).ToList())))
            .Where(c => EventMergeRule.CanMerge(c.Key, incoming))
            .OrderByDescending(c => EventMergeRule.Score(c.Key, incoming))
            .ThenBy(c => c.Event.Id)
            .Select(c => c.Event)
            .FirstOrDefault();
    }

    private static MergeActor ToMergeActor(Actor actor) => new(actor.Slug, actor.Kind);

    // The merged event keeps the narrower interval with its date phrase, the union of actors, and all evidence.
    private static void MergeInto(Event target, ExtractedEvent extracted, List<Actor> actors)
    {
        var incomingDays = extracted.Date.End.DayNumber - extracted.Date.Start.DayNumber;
        if (incomingDays < target.End.DayNumber - target.Start.DayNumber)
        {
            target.Start = extracted.Date.Start;
            target.End = extracted.Date.End;
            target.Precision = extracted.Date.Precision;
            target.Timex = extracted.Timex;
            target.DateText = extracted.DateText;
        }
        target.Location ??= extracted.Location;
        target.Confidence = Math.Max(target.Confidence, extracted.Confidence);
        foreach (var actor in actors.Where(a => target.Actors.All(x => x.Actor.Slug != a.Slug)))
        {
            target.Actors.Add(new EventActor { Actor = actor });
        }
    }

    private static void Overwrite(Event target, ExtractedEvent extracted, List<Actor> actors)
    {
        target.Title = extracted.Title;
        target.Slug = Slugs.From(extracted.Title);
        target.Type = extracted.Type;
        target.Start = extracted.Date.Start;
        target.End = extracted.Date.End;
        target.Precision = extracted.Date.Precision;
        target.Timex = extracted.Timex;
        target.DateText = extracted.DateText;
        target.Location = extracted.Location;
        target.Confidence = extracted.Confidence;
        target.Actors.RemoveAll(x => actors.All(a => a.Slug != x.Actor.Slug));
        foreach (var actor in actors.Where(a => target.Actors.All(x => x.Actor.Slug != a.Slug)))
        {
            target.Actors.Add(new EventActor { Actor = actor });
        }
    }

    private static async Task<Dictionary<string, Actor>> ResolveActorsAsync(
        TimelineDbContext db, IReadOnlyList<ExtractedEvent> events, CancellationToken cancellationToken)
    {
        var wanted = events.SelectMany(e => e.Actors).DistinctBy(a => Slugs.From(a.Name)).ToDictionary(a => Slugs.From(a.Name));
        var slugs = wanted.Keys.ToList();
        var found = await db.Actors.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, cancellationToken);
        foreach (var (slug, actor) in wanted)
        {
            if (!found.ContainsKey(slug))
            {
                found[slug] = db.Actors.Add(new Actor { Slug = slug, Name = actor.Name, Kind = actor.Kind }).Entity;
            }
        }
        return found;
    }

    private sealed record StoredArticle(
        int Id, string ContentHash, string ExtractorVersion, string? Title, string? Outlet, string? Url, DateOnly Published, string PublishedSource)
    {
        // Same text, same extractor, and the same metadata: nothing to do.
        public bool SameAs(ArticleFile file) =>
            ContentHash == file.ContentHash
            && ExtractorVersion == ArticleExtractor.Version
            && Outlet == file.Metadata.Outlet
            && Url == file.Metadata.Url
            && (file.Metadata.Title is null || Title == file.Metadata.Title)
            && (file.Metadata.Published is { } published
                ? PublishedSource == "given" && Published == published
                : PublishedSource != "given");
    }
}
