using System.Globalization;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>Read-side queries of the timeline; each call uses its own short-lived context.</summary>
public sealed class TimelineQueries : IDisposable
{
    private readonly IDbContextFactory<TimelineDbContext> contextFactory;

    /// <summary>Queries over <paramref name="contextFactory"/>; <paramref name="changes"/>, when given, clears cached counts after each import.</summary>
    public TimelineQueries(IDbContextFactory<TimelineDbContext> contextFactory, TimelineChanges? changes = null)
    {
        this.contextFactory = contextFactory;
        if (changes is not null)
        {
            changes.Changed += () => facetIndex = null;
        }
    }

    // Column weights of bm25(): title, quotes, actors, place.
    private const string Bm25 = "bm25(EventSearch, 10.0, 2.0, 4.0, 3.0)";

    /// <summary>The filters a facet leaves out when it counts.</summary>
    private enum Except
    {
        None,
        Types,
        Dates,
    }

    /// <summary>
    /// One page of the events matching <paramref name="filter"/>, in its order, with search matches marked.
    /// Date orders page by keyset on (Start, Id); relevance pages by offset within the search result.
    /// </summary>
    public async Task<TimelineResults> GetPageAsync(TimelineFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var take = Math.Clamp(filter.Take, 1, 200);
        var match = SearchSyntax.ToMatchExpression(filter.Query);
        var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
        if (actorIds is null)
        {
            return new TimelineResults([], 0, null);
        }
        var filtered = Apply(db, filter, match, actorIds, Except.None);
        // Every event has exactly one row in EventSearch (the triggers see to it), so a search alone counts there.
        var searchOnly = match is not null && (filter with { Query = null }).IsEmpty;
        // Without a search the facet index counts in memory; with one, the total is counted on a second connection
        // while the page is read.
        var totalTask = match is null
            ? Task.FromResult((await GetFacetIndexAsync(db, cancellationToken)).Total(filter, actorIds))
            : CountOnOwnContextAsync(filter, match, actorIds, searchOnly, cancellationToken);

        List<int> ids;
        string? next;
        if (filter.EffectiveSort == TimelineSort.Relevance && match is not null)
        {
            var offset = ParseOffset(filter.After);
            // The join is the search: the other filters only, so the FTS table is read once.
            // Ties in rank go to the newer event id; a search alone never touches the Events table here.
            var ranked = searchOnly
                ? Matches(db, match)
                : Apply(db, filter, null, actorIds, Except.None).Join(Matches(db, match), e => e.Id, m => m.EventId, (e, m) => m);
            ids = await ranked
                .OrderBy(m => m.Rank).ThenByDescending(m => m.EventId)
                .Skip(offset).Take(take + 1)
                .Select(m => m.EventId)
                .ToListAsync(cancellationToken);
            next = ids.Count > take ? $"o{offset + take}" : null;
        }
        else
        {
            var oldest = filter.EffectiveSort == TimelineSort.Oldest;
            if (ParseKeyset(filter.After) is var (start, id))
            {
                filtered = oldest
                    ? filtered.Where(e => e.Start > start || (e.Start == start && e.Id > id))
                    : filtered.Where(e => e.Start < start || (e.Start == start && e.Id < id));
            }
            var keys = await (oldest
                    ? filtered.OrderBy(e => e.Start).ThenBy(e => e.Id)
                    : filtered.OrderByDescending(e => e.Start).ThenByDescending(e => e.Id))
                .Take(take + 1)
                .Select(e => new { e.Id, e.Start })
                .ToListAsync(cancellationToken);
            ids = keys.Select(k => k.Id).ToList();
            next = keys.Count > take ? FormatKeyset(keys[take - 1].Start, keys[take - 1].Id) : null;
        }
        if (ids.Count > take)
        {
            ids.RemoveAt(ids.Count - 1);
        }

        var summaries = await LoadSummariesAsync(db, ids, cancellationToken);
        var marks = match is null ? [] : await MarkAsync(db, match, ids, cancellationToken);
        var items = ids.Where(summaries.ContainsKey).Select(id =>
        {
            var summary = summaries[id];
            if (!marks.TryGetValue(id, out var mark))
            {
                return new TimelineItem(summary);
            }
            var snippet = mark.Title.Contains(SearchSyntax.MarkStart, StringComparison.Ordinal) || !mark.Snippet.Contains(SearchSyntax.MarkStart, StringComparison.Ordinal)
                ? null
                : mark.Snippet;
            return new TimelineItem(summary, mark.Title, snippet);
        }).ToList();
        return new TimelineResults(items, await totalTask, next);
    }

    private async Task<int> CountOnOwnContextAsync(TimelineFilter filter, string? match, List<int> actorIds, bool searchOnly, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return searchOnly
            ? await MatchingIds(db, match!).CountAsync(cancellationToken)
            : await Apply(db, filter, match, actorIds, Except.None).CountAsync(cancellationToken);
    }

    /// <summary>The counts beside the filter values (see <see cref="TimelineFacets"/>); at most <paramref name="actorLimit"/> actors, chosen ones always included.</summary>
    public async Task<TimelineFacets> GetFacetsAsync(TimelineFilter filter, int actorLimit = 30, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var match = SearchSyntax.ToMatchExpression(filter.Query);
        var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
        if (actorIds is null)
        {
            return new TimelineFacets([], [], []);
        }
        var index = await GetFacetIndexAsync(db, cancellationToken);
        var matching = match is null ? null : await MatchingIds(db, match).ToListAsync(cancellationToken);
        return index.Count(filter, actorIds, matching, actorLimit);
    }

    private readonly SemaphoreSlim facetIndexLock = new(1, 1);

    public void Dispose() => facetIndexLock.Dispose();

    private FacetIndex? facetIndex;

    /// <summary>The in-memory facet index, reloaded when the data version differs (or an import said it changed).</summary>
    private async Task<FacetIndex> GetFacetIndexAsync(TimelineDbContext db, CancellationToken cancellationToken)
    {
        var version = await FacetIndex.ReadVersionAsync(db, cancellationToken);
        if (facetIndex is { } current && current.Version == version)
        {
            return current;
        }
        await facetIndexLock.WaitAsync(cancellationToken);
        try
        {
            if (facetIndex is { } loaded && loaded.Version == version)
            {
                return loaded;
            }
            facetIndex = await FacetIndex.LoadAsync(db, version, cancellationToken);
            return facetIndex;
        }
        finally
        {
            facetIndexLock.Release();
        }
    }

    /// <summary>Actors whose name contains <paramref name="text"/>, with their counts under <paramref name="filter"/>, most events first.</summary>
    public async Task<IReadOnlyList<ActorCount>> SearchActorsAsync(string? text, TimelineFilter filter, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var match = SearchSyntax.ToMatchExpression(filter.Query);
        var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
        if (actorIds is null)
        {
            return [];
        }
        var cleaned = SearchSyntax.Clean(text);
        return await CountActorsAsync(db, filter, match, actorIds, cleaned.Length == 0 ? null : cleaned, limit, cancellationToken);
    }

    /// <summary>The longest alias chain followed; chains are kept one step long on write, so this is only a guard.</summary>
    public const int MaxAliasHops = 32;

    /// <summary>
    /// Where a former event id now lives: the successor's id and slug when <paramref name="id"/> names no event but
    /// an alias (through any chain) leads to a live event; null for a live id or an unknown one.
    /// </summary>
    public async Task<(int Id, string Slug)?> FindSuccessorAsync(int id, CancellationToken cancellationToken = default)
    {
        // Event ids are never reused, so an id with an alias is no live event: a live or unknown id costs one probe of
        // the small alias table and no look-up of Events.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var seen = new HashSet<int> { id };
        var current = id;
        for (var hop = 0; hop < MaxAliasHops; hop++)
        {
            var from = current;
            var next = await db.EventAliases.Where(a => a.OldId == from).Select(a => (int?)a.EventId).FirstOrDefaultAsync(cancellationToken);
            if (next is not { } successor || !seen.Add(successor))
            {
                return null;
            }
            var live = await db.Events.Where(e => e.Id == successor).Select(e => e.Slug).FirstOrDefaultAsync(cancellationToken);
            if (live is not null)
            {
                return (successor, live);
            }
            current = successor;
        }
        return null;
    }

    /// <summary>One event with its evidence, or null when the id is unknown.</summary>
    public async Task<EventDetail?> GetEventAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Events.AsNoTracking().AsSplitQuery()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                Summary = new EventSummary(e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location,
                    e.Actors.OrderBy(a => a.Actor.Name).Select(a => new ActorSummary(a.Actor.Slug, a.Actor.Name, a.Actor.Kind)).ToList()),
                e.Timex,
                e.Confidence,
                Evidence = e.Evidence.OrderBy(v => v.ArticleId).ThenBy(v => v.Start)
                    .Select(v => new EvidenceQuote(v.ArticleId, v.Article.Title, v.Article.Outlet, v.Article.Published, v.Start, v.End, v.Text))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new EventDetail(row.Summary, row.Timex, row.Confidence, row.Evidence);
    }

    /// <summary>
    /// Events sharing an actor with the event and starting within <paramref name="days"/> days of its interval
    /// (most shared actors first, then nearest in time), and the previous and next event in (Start, Id) order.
    /// </summary>
    public async Task<EventNeighbours> GetNeighboursAsync(int id, int days = 30, int limit = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Start, x.End }).SingleOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return new EventNeighbours([], null, null);
        }
        var actorIds = await db.EventActors.Where(ea => ea.EventId == id).Select(ea => ea.ActorId).ToListAsync(cancellationToken);
        var from = e.Start.AddDays(-days);
        var to = e.End.AddDays(days);
        var related = actorIds.Count == 0
            ? []
            : await db.Events.AsNoTracking()
                .Where(x => x.Id != id && x.Start <= to && x.End >= from)
                .Select(x => new { x.Id, x.Start, Shared = x.Actors.Count(a => actorIds.Contains(a.ActorId)) })
                .Where(x => x.Shared > 0)
                .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Start).ThenBy(x => x.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
        var previousId = await db.Events.Where(x => x.Start < e.Start || (x.Start == e.Start && x.Id < e.Id))
            .OrderByDescending(x => x.Start).ThenByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);
        var nextId = await db.Events.Where(x => x.Start > e.Start || (x.Start == e.Start && x.Id > e.Id))
            .OrderBy(x => x.Start).ThenBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken);

        var wanted = related.Select(r => r.Id).Append(previousId ?? 0).Append(nextId ?? 0).ToList();
        var summaries = await LoadSummariesAsync(db, wanted, cancellationToken);
        return new EventNeighbours(
            related.Where(r => summaries.ContainsKey(r.Id)).Select(r => new RelatedEvent(summaries[r.Id], r.Shared)).ToList(),
            previousId is { } p ? summaries.GetValueOrDefault(p) : null,
            nextId is { } n ? summaries.GetValueOrDefault(n) : null);
    }

    /// <summary>An actor with its event counts by type, or null for an unknown slug.</summary>
    public async Task<ActorDetail?> GetActorAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new { a.Id, Summary = new ActorSummary(a.Slug, a.Name, a.Kind) }).SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return null;
        }
        var events = db.Events.Where(e => e.Actors.Any(a => a.ActorId == actor.Id));
        var types = await events.GroupBy(e => e.Type).Select(g => new TypeCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        var first = await events.OrderBy(e => e.Start).Select(e => (DateOnly?)e.Start).FirstOrDefaultAsync(cancellationToken);
        var last = await events.OrderByDescending(e => e.Start).Select(e => (DateOnly?)e.Start).FirstOrDefaultAsync(cancellationToken);
        return new ActorDetail(actor.Summary, types.Sum(t => t.Count), types.OrderByDescending(t => t.Count).ThenBy(t => t.Type).ToList(), first, last);
    }

    /// <summary>One article with its highlighted evidence, or null when the id is unknown.</summary>
    public async Task<ArticleDetail?> GetArticleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }
        var highlights = await db.Evidence.AsNoTracking()
            .Where(v => v.ArticleId == id)
            .OrderBy(v => v.Start)
            .Select(v => new ArticleHighlight(v.Start, v.End, v.EventId, v.Event.Title, v.Event.Slug))
            .ToListAsync(cancellationToken);
        return new ArticleDetail(article.Id, article.Source, article.Title, article.Outlet, SourceUrls.HttpOrNull(article.Url), article.Published,
            article.PublishedSource, article.Text, highlights);
    }

    /// <summary>The ids of the slugs; null when one is unknown (no event can involve it).</summary>
    private static async Task<List<int>?> ResolveActorsAsync(TimelineDbContext db, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return [];
        }
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToList();
        var ids = await db.Actors.Where(a => distinct.Contains(a.Slug)).Select(a => a.Id).ToListAsync(cancellationToken);
        return ids.Count == distinct.Count ? ids : null;
    }

    private static IQueryable<SearchMatch> Matches(TimelineDbContext db, string match) =>
        db.Set<SearchMatch>().FromSqlRaw($"SELECT rowid AS EventId, {Bm25} AS Rank FROM EventSearch WHERE EventSearch MATCH {{0}}", match);

    // Filtering needs no rank: bm25() costs as much as the match itself.
    private static IQueryable<int> MatchingIds(TimelineDbContext db, string match) =>
        db.Set<SearchMatch>().FromSqlRaw("SELECT rowid AS EventId, 0.0 AS Rank FROM EventSearch WHERE EventSearch MATCH {0}", match).Select(m => m.EventId);

    private static IQueryable<Event> Apply(TimelineDbContext db, TimelineFilter filter, string? match, List<int> actorIds, Except except)
    {
        var events = db.Events.AsNoTracking();
        if (match is not null)
        {
            var matching = MatchingIds(db, match);
            events = events.Where(e => matching.Contains(e.Id));
        }
        // An actor's event list may drive the query (IN on the rowid) only when nothing else can: with a type or
        // date filter, SQLite would otherwise still prefer walking tens of thousands of rowids of a frequent actor
        // over the covering (Type, End, Start) or (End, Start) index. "Id + 0" keeps the test but not the drive.
        var otherIndexedFilter = (except != Except.Types && filter.Types.Count > 0) || (except != Except.Dates && (filter.From is not null || filter.To is not null));
        foreach (var actorId in actorIds)
        {
            var involved = db.EventActors.Where(ea => ea.ActorId == actorId).Select(ea => ea.EventId);
            events = otherIndexedFilter
                ? events.Where(e => involved.Contains(e.Id + 0))
                : events.Where(e => involved.Contains(e.Id));
        }
        if (except != Except.Types && filter.Types.Count > 0)
        {
            var types = filter.Types.Distinct().ToList();
            events = events.Where(e => types.Contains(e.Type));
        }
        if (except != Except.Dates)
        {
            if (filter.From is { } from)
            {
                events = events.Where(e => e.End >= from);
            }
            if (filter.To is { } to)
            {
                events = events.Where(e => e.Start <= to);
            }
        }
        return events;
    }

    private static async Task<List<ActorCount>> CountActorsAsync(
        TimelineDbContext db, TimelineFilter filter, string? match, List<int> actorIds, string? nameContains, int limit, CancellationToken cancellationToken)
    {
        // Without filters the (ActorId, EventId) index answers alone; with filters, walk the matching events and
        // their actor links by primary key.
        var links = filter.IsEmpty
            ? db.EventActors.AsNoTracking()
            : Apply(db, filter, match, actorIds, Except.None).SelectMany(e => e.Actors);
        if (nameContains is not null)
        {
            var pattern = "%" + nameContains.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            links = links.Where(ea => EF.Functions.Like(ea.Actor.Name, pattern, "\\"));
        }
        var counts = await links.GroupBy(ea => ea.ActorId)
            .Select(g => new { ActorId = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.ActorId)
            .Take(Math.Clamp(limit, 1, 500))
            .ToListAsync(cancellationToken);
        var wanted = counts.Select(c => c.ActorId).Union(nameContains is null ? actorIds : []).ToList();
        var actors = await db.Actors.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var byId = counts.ToDictionary(c => c.ActorId, c => c.Count);
        return wanted.Where(actors.ContainsKey)
            .Select(id => new ActorCount(actors[id].Slug, actors[id].Name, actors[id].Kind, byId.GetValueOrDefault(id)))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record MarkRow(int EventId, string Title, string Snippet);

    private static async Task<Dictionary<int, MarkRow>> MarkAsync(TimelineDbContext db, string match, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var idList = "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
        var rows = await db.Database.SqlQuery<MarkRow>(
                $"SELECT rowid AS EventId, highlight(EventSearch, 0, char(2), char(3)) AS Title, snippet(EventSearch, -1, char(2), char(3), '…', 16) AS Snippet FROM EventSearch WHERE EventSearch MATCH {match} AND rowid IN (SELECT value FROM json_each({idList}))")
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.EventId);
    }

    private static string FormatKeyset(DateOnly start, int id) =>
        $"{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{id.ToString(CultureInfo.InvariantCulture)}";

    private static (DateOnly Start, int Id)? ParseKeyset(string? cursor)
    {
        var parts = cursor?.Split('_');
        return parts is [var date, var id]
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (start, n)
            : null;
    }

    private static int ParseOffset(string? cursor) =>
        cursor is ['o', .. var rest] && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 100_000) : 0;

    /// <summary>
    /// The summaries of a page of events, by id, in two indexed queries (events, then their actors): a join of the
    /// actors in one query makes SQLite build the whole actor join first.
    /// </summary>
    private static async Task<Dictionary<int, EventSummary>> LoadSummariesAsync(TimelineDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location })
            .ToListAsync(cancellationToken);
        var actors = (await db.EventActors.AsNoTracking().Where(ea => ids.Contains(ea.EventId))
                .Select(ea => new { ea.EventId, ea.Actor.Slug, ea.Actor.Name, ea.Actor.Kind })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.EventId);
        return events.ToDictionary(e => e.Id, e => new EventSummary(e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location,
            actors[e.Id].OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new ActorSummary(a.Slug, a.Name, a.Kind)).ToList()));
    }
}
