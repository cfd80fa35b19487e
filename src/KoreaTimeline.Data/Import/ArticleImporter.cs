using System.Diagnostics;
using KoreaTimeline.Data.Editing;
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

    /// <summary>
    /// Extracts and stores one article that has been read. Another importer (a second machine, the seeds watcher) may
    /// store the same article or text at the same moment: the write transaction looks again, under the write lock, and a
    /// conflict the database reports (a unique index, a serialization failure, a deadlock) runs the look and the store
    /// again (<see cref="WithRetriesAsync"/>), so the second importer finds the article unchanged instead of failing.
    /// </summary>
    public async Task<ArticleImportResult> ImportAsync(ArticleFile file, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        ExtractionResult? extraction = null;
        return await WithRetriesAsync(file.Source, async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.Articles.AsNoTracking().Where(a => a.Source == file.Source)
                .Select(a => new StoredArticle(a.Id, a.ContentHash, a.ExtractorVersion, a.Title, a.Outlet, a.Url, a.Published, a.PublishedSource))
                .SingleOrDefaultAsync(cancellationToken);
            if (await AlreadyStoredAsync(db, file, stored, clock, cancellationToken) is { } unchanged)
            {
                return unchanged;
            }
            // Extraction is CPU work: it runs before the write transaction so the write lock stays short (and once).
            if (extraction is null)
            {
                if (Extract(file, file.Metadata, out var failure) is not { } extracted)
                {
                    return ArticleImportResult.Failed(file.Source, failure);
                }
                extraction = extracted;
            }
            return await StoreAsync(db, file, extraction, stored is null ? ImportStatus.New : ImportStatus.Changed, clock, recheck: true, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The result when <paramref name="file"/> needs no write: the same article is stored with the same text, extractor
    /// and metadata, or its text is stored under another source (the same content imports once; a changed article whose
    /// new text another article holds keeps its earlier text).
    /// </summary>
    private async Task<ArticleImportResult?> AlreadyStoredAsync(
        TimelineDbContext db, ArticleFile file, StoredArticle? stored, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (stored is not null && stored.SameAs(file))
        {
            logger.LogInformation("Unchanged {Source}", file.Source);
            return new ArticleImportResult(file.Source, ImportStatus.Unchanged, stored.Id, Elapsed: clock.Elapsed);
        }
        if (stored?.ContentHash == file.ContentHash)
        {
            return null;
        }
        var twin = await db.Articles.AsNoTracking().Where(a => a.ContentHash == file.ContentHash && a.Source != file.Source)
            .Select(a => new { a.Id, a.Source }).FirstOrDefaultAsync(cancellationToken);
        if (twin is null)
        {
            return null;
        }
        var warning = stored is null
            ? $"{file.Source}: the same text is already imported as {twin.Source}; skipped."
            : $"{file.Source}: its new text is already imported as {twin.Source}; skipped (the article keeps its earlier text).";
        logger.LogWarning("Unchanged {Source}: same text as {OtherSource}", file.Source, twin.Source);
        return new ArticleImportResult(file.Source, ImportStatus.Unchanged, stored?.Id ?? twin.Id, Warning: warning, Elapsed: clock.Elapsed);
    }

    /// <summary>
    /// Runs one article's look-and-store <paramref name="attempt"/> (a new context and transaction each time) until it
    /// ends without a write conflict, at most <see cref="MaxAttempts"/> times: after a serialization failure or a deadlock
    /// (PostgreSQL 40001, 40P01; a busy SQLite file) with a growing, jittered pause; after a unique violation (23505: another
    /// writer committed the same source, text or actor first) at once, since the next look finds that row.
    /// </summary>
    private async Task<ArticleImportResult> WithRetriesAsync(string source, Func<Task<ArticleImportResult>> attempt, CancellationToken cancellationToken)
    {
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (attempts < MaxAttempts && WriteConflict.Of(e) is { Kind: not WriteConflictKind.None } conflict)
            {
                var delay = conflict.Kind == WriteConflictKind.Duplicate
                    ? TimeSpan.Zero
                    : TimeSpan.FromMilliseconds((25 << attempts) * (0.5 + Random.Shared.NextDouble()));
                logger.LogWarning(
                    "Storing {Source} met another writer ({Conflict} {SqlState} {Constraint}) on attempt {Attempt} of {MaxAttempts}; trying again in {DelayMs} ms",
                    source, conflict.Kind, conflict.Code, conflict.Constraint, attempts, MaxAttempts, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>How many times one article's write is tried before its error stands.</summary>
    internal const int MaxAttempts = 6;

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

    /// <summary>Runs the current extractor over the given articles (an editor showed a hidden event again).</summary>
    public async Task<IReadOnlyList<ArticleImportResult>> ReextractArticlesAsync(IReadOnlyList<int> articleIds, CancellationToken cancellationToken = default)
    {
        var results = new List<ArticleImportResult>(articleIds.Count);
        foreach (var id in articleIds)
        {
            if (await ReextractArticleAsync(id, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }
        return results;
    }

    private async Task<ArticleImportResult?> ReextractArticleAsync(int id, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ArticleFile file;
        ExtractionResult extraction;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Source, a.Text, a.ContentHash, a.Title, a.Outlet, a.Url, a.Published, a.PublishedSource })
                .SingleOrDefaultAsync(cancellationToken);
            if (article is null)
            {
                return null; // Removed since the list was read.
            }
            // Only a date that metadata gave is given again; an inferred one is inferred anew by the new extractor.
            var metadata = new ArticleMetadata(article.Title, article.Outlet, article.Url, article.PublishedSource == "given" ? article.Published : null);
            file = new ArticleFile(article.Source, article.Text, article.ContentHash, metadata);
            if (Extract(file, metadata, out var failure) is not { } extracted)
            {
                return ArticleImportResult.Failed(file.Source, failure);
            }
            extraction = extracted;
        }
        return await WithRetriesAsync(file.Source, async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await StoreAsync(db, file, extraction, ImportStatus.Changed, clock, recheck: false, cancellationToken);
        }, cancellationToken);
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

    /// <summary>
    /// Stores the extraction in one write transaction. With <paramref name="recheck"/> (an import) the transaction first
    /// looks again, under the write lock, for the article or its text that another importer may have committed since
    /// the first look, and then writes nothing.
    /// </summary>
    private async Task<ArticleImportResult> StoreAsync(
        TimelineDbContext db, ArticleFile file, ExtractionResult extraction, ImportStatus status, Stopwatch clock, bool recheck,
        CancellationToken cancellationToken)
    {
        int added = 0, merged = 0, removed = 0;
        Article article;
        // The write lock is taken now, not upgraded later (which could deadlock): Microsoft.Data.Sqlite begins IMMEDIATE,
        // and on PostgreSQL every transaction takes the timeline's advisory lock first (TimelineWriteLock).
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var existing = await db.Articles.SingleOrDefaultAsync(a => a.Source == file.Source, cancellationToken);
            if (recheck && await AlreadyStoredAsync(db, file, existing is null ? null : StoredArticle.Of(existing), clock, cancellationToken) is { } unchanged)
            {
                return unchanged;
            }
            // Another importer (the seeds watcher, a second command) may have stored it since the first look.
            if (existing is not null && status == ImportStatus.New)
            {
                status = ImportStatus.Changed;
            }
            // An event an editor hid is not stored again: the extraction's events that state its quotes are dropped.
            var hidden = await CorrectionReplay.HiddenAnchorsAsync(db, existing?.Id ?? 0, cancellationToken);
            var stated = CorrectionReplay.WithoutHidden(extraction.Events, existing?.Id ?? 0, file.ContentHash, hidden);
            article = existing ?? db.Articles.Add(new Article { Source = file.Source, PublishedSource = "", ContentHash = "", Text = "", ExtractorVersion = "" }).Entity;

            // The article's previous events: its evidence goes; those no other article states may be reused in place
            // (same id, so permalinks survive a re-import), and the rest are deleted at the end.
            // Events other articles still state stay, and the new extraction may merge back into them.
            var previous = new List<Event>();
            var previousQuotes = new List<OldQuote>();
            if (article.Id != 0)
            {
                var articleId = article.Id;
                previous = await db.Events.Where(e => e.Evidence.Any(v => v.ArticleId == articleId))
                    .Include(e => e.Actors).ThenInclude(a => a.Actor).ToListAsync(cancellationToken);
                var previousIds = previous.Select(e => e.Id).ToList();
                previousQuotes = await db.Evidence.Where(v => v.ArticleId == articleId)
                    .Select(v => new OldQuote(v.EventId, v.Start, v.End, v.Text)).ToListAsync(cancellationToken);
                await db.Evidence.Where(v => v.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
                var stillStated = await db.Evidence.Where(v => previousIds.Contains(v.EventId)).Select(v => v.EventId).Distinct()
                    .ToListAsync(cancellationToken);
                previous.RemoveAll(e => stillStated.Contains(e.Id));
            }
            var orphans = previous.Select(e => e.Id).ToHashSet();
            // Offsets compare only within the same text; quote texts compare always.
            var sameText = article.ContentHash == file.ContentHash;
            var matches = MatchPrevious(previous, previousQuotes, stated, sameText);
            var successors = new List<Event>();

            article.Title = file.Metadata.Title ?? extraction.Article.Title;
            article.Outlet = file.Metadata.Outlet;
            article.Url = file.Metadata.Url;
            article.Published = extraction.Article.Published;
            article.PublishedSource = extraction.Article.PublishedSource;
            article.ContentHash = file.ContentHash;
            article.Text = file.Text;
            article.ExtractorVersion = ArticleExtractor.Version;
            article.ImportedAt = DateTimeOffset.UtcNow;

            var actors = await ResolveActorsAsync(db, stated, cancellationToken);
            var absorbed = new HashSet<int>();
            for (var index = 0; index < stated.Count; index++)
            {
                var extracted = stated[index];
                var eventActors = extracted.Actors.Select(a => actors[Slugs.From(a.Name)]).DistinctBy(a => a.Slug).ToList();
                var evidence = extracted.Evidence.Select(v => new Evidence { Article = article, Start = v.Start, End = v.End, Text = v.Text }).ToList();
                var incoming = new MergeCandidate(extracted.Type, extracted.Date.Start, extracted.Date.End, eventActors.Select(ToMergeActor).ToList());

                if (matches.TryGetValue(index, out var own))
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
                    successors.Add(target);
                    merged++;
                    continue;
                }
                var created = new Event { Title = "", Slug = "", Evidence = evidence };
                Overwrite(created, extracted, eventActors);
                db.Events.Add(created);
                successors.Add(created);
                added++;
            }
            var matched = matches.Values.ToHashSet();
            var unmatched = previous.Where(e => !matched.Contains(e)).ToList();
            foreach (var orphan in unmatched)
            {
                db.Events.Remove(orphan);
                removed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            if (unmatched.Count > 0)
            {
                // A removed event's permalink redirects to the event of this article that took its place: one of the
                // new or merged-into events (same type first, then the nearest date), else any of the article's events.
                var fallback = successors.Concat(matched).ToList();
                foreach (var orphan in unmatched)
                {
                    if ((Successor(orphan, successors) ?? Successor(orphan, fallback)) is not { } successor)
                    {
                        continue;
                    }
                    await RecordAliasAsync(db, orphan.Id, successor.Id, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            // Editors' corrections of these events (and of those whose quotes this article holds) are applied again.
            await CorrectionReplay.ReapplyAsync(db, article.Id, successors.Concat(matched).Select(e => e.Id), cancellationToken);
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

    /// <summary>
    /// Pairs this article's earlier events (those no other article states) with the new extraction's events, one to
    /// one, greedily by best score: a pair is recognisably the same event when it has the same type and overlapping
    /// dates, or shares evidence (overlapping spans of the same text, or the same quote). A matched event keeps its id.
    /// </summary>
    internal static Dictionary<int, Event> MatchPrevious(
        IReadOnlyList<Event> previous, IReadOnlyList<OldQuote> previousQuotes, IReadOnlyList<ExtractedEvent> extracted, bool sameText)
    {
        var quotesByEvent = previousQuotes.ToLookup(q => q.EventId);
        var pairs = new List<(int Index, Event Old, int Score, int Distance)>();
        for (var index = 0; index < extracted.Count; index++)
        {
            var incoming = extracted[index];
            var slug = Slugs.From(incoming.Title);
            foreach (var old in previous)
            {
                var sameType = old.Type == incoming.Type;
                var overlap = old.Start <= incoming.Date.End && incoming.Date.Start <= old.End;
                var shared = quotesByEvent[old.Id].Count(q => incoming.Evidence.Any(v =>
                    (sameText && q.Start < v.End && v.Start < q.End) || string.Equals(q.Text.Trim(), v.Text.Trim(), StringComparison.Ordinal)));
                if (!(sameType && overlap) && shared == 0)
                {
                    continue;
                }
                var score = (shared > 0 ? 100 + shared : 0) + (sameType ? 20 : 0) + (overlap ? 10 : 0) + (old.Slug == slug ? 5 : 0);
                pairs.Add((index, old, score, Math.Abs(old.Start.DayNumber - incoming.Date.Start.DayNumber)));
            }
        }
        var matches = new Dictionary<int, Event>();
        var taken = new HashSet<Event>();
        foreach (var pair in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Distance).ThenBy(p => p.Index).ThenBy(p => p.Old.Id))
        {
            if (!matches.ContainsKey(pair.Index) && taken.Add(pair.Old))
            {
                matches[pair.Index] = pair.Old;
            }
        }
        return matches;
    }

    // The candidate that took a removed event's place: the same type first, then the nearest date.
    private static Event? Successor(Event removed, IReadOnlyList<Event> candidates) =>
        candidates.Where(c => c.Id != 0 && c.Id != removed.Id)
            .OrderByDescending(c => c.Type == removed.Type)
            .ThenBy(c => Math.Abs(c.Start.DayNumber - removed.Start.DayNumber))
            .ThenBy(c => c.Id)
            .FirstOrDefault();

    /// <summary>
    /// Records that <paramref name="oldId"/> now lives on as <paramref name="newId"/>, and points the aliases that led
    /// to the old id at the new one, so chains stay short. The successor is a live event and the old id is gone (ids
    /// are never reused), so no cycle can form.
    /// </summary>
    internal static async Task RecordAliasAsync(TimelineDbContext db, int oldId, int newId, CancellationToken cancellationToken)
    {
        if (oldId == newId)
        {
            return;
        }
        await db.EventAliases.Where(a => a.EventId == oldId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EventId, newId), cancellationToken);
        await db.EventAliases.Where(a => a.OldId == newId).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.EventAliases.FindAsync([oldId], cancellationToken);
        if (existing is null)
        {
            db.EventAliases.Add(new EventAlias { OldId = oldId, EventId = newId, CreatedAt = DateTimeOffset.UtcNow });
        }
        else
        {
            existing.EventId = newId;
        }
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

    /// <summary>One quote of an event as the article's previous import stored it.</summary>
    internal sealed record OldQuote(int EventId, int Start, int End, string Text);

    private sealed record StoredArticle(
        int Id, string ContentHash, string ExtractorVersion, string? Title, string? Outlet, string? Url, DateOnly Published, string PublishedSource)
    {
        public static StoredArticle Of(Article a) =>
            new(a.Id, a.ContentHash, a.ExtractorVersion, a.Title, a.Outlet, a.Url, a.Published, a.PublishedSource);

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
