using System.Diagnostics;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>What happened to one article in an import.</summary>
public enum ImportStatus
{
    New,
    Changed,
    Unchanged,
    Failed,
}

/// <summary>The outcome of importing one article.</summary>
public sealed record ArticleImportResult(string Source, ImportStatus Status, int? ArticleId, int Events, string? Error, TimeSpan Elapsed);

/// <summary>
/// Imports articles: reads and checks each file, extracts its events, and stores the article with its events in
/// one transaction, so a failure or a kill never leaves half an article. The same content imports once.
/// </summary>
public sealed class ArticleImporter(
    IDbContextFactory<TimelineDbContext> contextFactory,
    ArticleExtractor extractor,
    TimelineChanges changes,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Imports every <c>.txt</c> article under <paramref name="folder"/>, recursively, in name order.</summary>
    public async Task<IReadOnlyList<ArticleImportResult>> ImportFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Article folder {Folder} does not exist; nothing to import", folder);
            return [];
        }
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var results = new List<ArticleImportResult>(files.Count);
        foreach (var file in files)
        {
            var source = Path.GetRelativePath(folder, file).Replace('\\', '/');
            results.Add(await ImportFileAsync(file, source, cancellationToken));
        }
        return results;
    }

    /// <summary>Imports one file under the given source name; bad input gives a failed result, never an exception.</summary>
    public async Task<ArticleImportResult> ImportFileAsync(string path, string source, CancellationToken cancellationToken = default)
    {
        ArticleFile file;
        try
        {
            file = await ArticleFileReader.ReadAsync(path, source, cancellationToken: cancellationToken);
        }
        catch (ArticleInputException e)
        {
            logger.LogError("Skipped {Source}: {Reason}", source, e.Message);
            return new ArticleImportResult(source, ImportStatus.Failed, null, 0, e.Message, TimeSpan.Zero);
        }
        return await ImportAsync(file, cancellationToken);
    }

    /// <summary>Extracts and stores one article that has been read.</summary>
    public async Task<ArticleImportResult> ImportAsync(ArticleFile file, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Articles.SingleOrDefaultAsync(a => a.Source == file.Source, cancellationToken);
        if (existing is not null && existing.ContentHash == file.ContentHash && existing.ExtractorVersion == ArticleExtractor.Version)
        {
            logger.LogInformation("Unchanged {Source}", file.Source);
            return new ArticleImportResult(file.Source, ImportStatus.Unchanged, existing.Id, 0, null, clock.Elapsed);
        }

        var extraction = extractor.Extract(new ArticleInput(file.Text, file.Metadata.Title, file.Metadata.Published));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = existing ?? db.Articles.Add(new Article
        {
            Source = file.Source,
            PublishedSource = "",
            ContentHash = "",
            Text = "",
            ExtractorVersion = "",
        }).Entity;
        if (existing is not null)
        {
            await db.Evidence.Where(v => v.ArticleId == existing.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Events.Where(e => !e.Evidence.Any()).ExecuteDeleteAsync(cancellationToken);
        }
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
        foreach (var extracted in extraction.Events)
        {
            db.Events.Add(new Event
            {
                Title = extracted.Title,
                Slug = Slugs.From(extracted.Title),
                Type = extracted.Type,
                Start = extracted.Date.Start,
                End = extracted.Date.End,
                Precision = extracted.Date.Precision,
                Timex = extracted.Timex,
                DateText = extracted.DateText,
                Location = extracted.Location,
                Confidence = extracted.Confidence,
                Actors = extracted.Actors.Select(a => actors[Slugs.From(a.Name)]).DistinctBy(a => a.Slug)
                    .Select(a => new EventActor { Actor = a }).ToList(),
                Evidence = extracted.Evidence.Select(v => new Evidence { Article = article, Start = v.Start, End = v.End, Text = v.Text }).ToList(),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changes.NotifyChanged();

        var status = existing is null ? ImportStatus.New : ImportStatus.Changed;
        logger.LogInformation("Imported {Source} ({Status}): {EventCount} events, published {Published} ({PublishedSource}) in {ElapsedMs} ms",
            file.Source, status, extraction.Events.Count, article.Published.ToString("yyyy-MM-dd"), article.PublishedSource, clock.ElapsedMilliseconds);
        return new ArticleImportResult(file.Source, status, article.Id, extraction.Events.Count, null, clock.Elapsed);
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
}
