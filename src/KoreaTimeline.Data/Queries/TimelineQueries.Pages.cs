using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>The sources of a page of cards, the actor and article indexes, and actor comparisons.</summary>
public sealed partial class TimelineQueries
{
    /// <summary>
    /// <paramref name="items"/> with their <see cref="TimelineItem.Sources"/>: one query for the whole page (the
    /// distinct articles of its events' quotes), whatever the number of cards.
    /// </summary>
    public Task<IReadOnlyList<TimelineItem>> WithSourcesAsync(IReadOnlyList<TimelineItem> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return Task.FromResult(items);
        }
        return ReadAsync<IReadOnlyList<TimelineItem>>(async db =>
        {
            var ids = items.Select(i => i.Event.Id).Distinct().ToList();
            var rows = await db.Evidence.AsNoTracking().Where(v => ids.Contains(v.EventId))
                .Select(v => new
                {
                    v.EventId,
                    v.ArticleId,
                    v.Article.Outlet,
                    v.Article.Url,
                    v.Article.Title,
                    v.Article.Published,
                    Head = v.Article.Title == null && v.Article.Outlet == null ? v.Article.Text.Substring(0, ArticleTitles.HeadLength) : null,
                })
                .Distinct()
                .ToListAsync(cancellationToken);
            var byEvent = rows.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g =>
            {
                var articles = g.DistinctBy(r => r.ArticleId).OrderBy(r => r.Published).ThenBy(r => r.ArticleId).ToList();
                var credits = articles.Select(r => ArticleTitles.Credit(r.Outlet, r.Url, r.Title, r.Head)).Distinct(StringComparer.Ordinal).ToList();
                return new EventSources(articles.Count, credits);
            });
            return items.Select(i => i with { Sources = byEvent.GetValueOrDefault(i.Event.Id) ?? new EventSources(0, []) }).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// A page of the actor index: actors whose name contains <paramref name="search"/> (any case), in
    /// <paramref name="sort"/> order, with their event counts and first and last event. Counted once per data version in
    /// the facet index (one pass over the actor links), so a page costs a sort of the actors, not a scan of the events.
    /// </summary>
    public Task<IndexPage<ActorStat>> GetActorIndexAsync(string? search, ActorIndexSort sort, int page, int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            pageSize = Math.Clamp(pageSize, 1, 200);
            var index = await GetFacetIndexAsync(dataVersion.Read(), cancellationToken);
            IEnumerable<ActorStat> rows = index.ActorStats();
            var term = SearchSyntax.Clean(search).Trim();
            if (term.Length > 0)
            {
                rows = rows.Where(a => a.Actor.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || a.Actor.Slug.Contains(term, StringComparison.OrdinalIgnoreCase));
            }
            rows = sort switch
            {
                ActorIndexSort.Name => rows.OrderBy(a => a.Actor.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id),
                ActorIndexSort.Latest => rows.OrderByDescending(a => a.Last ?? DateOnly.MinValue).ThenByDescending(a => a.Count).ThenBy(a => a.Id),
                _ => rows.OrderByDescending(a => a.Count).ThenBy(a => a.Actor.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id),
            };
            var all = rows.ToList();
            var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
            page = Math.Clamp(page, 1, pages);
            return new IndexPage<ActorStat>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count, page, pageSize);
        }, cancellationToken);

    /// <summary>
    /// A page of the article index: articles whose title or outlet contains <paramref name="search"/> (any case), in
    /// <paramref name="sort"/> order, with the number of events each states. Two statements: the page's ids (sorted and
    /// cut in SQL; sorting by count groups the quotes by article in SQL), then their rows and counts; never the texts.
    /// </summary>
    public Task<IndexPage<ArticleRow>> GetArticleIndexAsync(string? search, ArticleIndexSort sort, int page, int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            pageSize = Math.Clamp(pageSize, 1, 200);
            var articles = db.Articles.AsNoTracking();
            var term = SearchSyntax.Clean(search).Trim().ToLowerInvariant();
            if (term.Length > 0)
            {
                // lower(...) and instr/strpos in SQL on both providers: the StringComparison overload has no translation.
#pragma warning disable CA1862
                articles = articles.Where(a => (a.Title ?? a.Text.Substring(0, ArticleTitles.HeadLength)).ToLower().Contains(term)
                    || (a.Outlet != null && a.Outlet.ToLower().Contains(term)));
#pragma warning restore CA1862
            }
            var total = await articles.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
            page = Math.Clamp(page, 1, pages);
            var skip = (page - 1) * pageSize;
            var ids = sort switch
            {
                ArticleIndexSort.Title => await articles.OrderBy(a => (a.Title ?? a.Text.Substring(0, ArticleTitles.HeadLength)).ToLower()).ThenBy(a => a.Id)
                    .Skip(skip).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken),
                ArticleIndexSort.Count => await articles
                    .Select(a => new { a.Id, a.Published, Count = a.Evidence.Select(v => v.EventId).Distinct().Count() })
                    .OrderByDescending(a => a.Count).ThenByDescending(a => a.Published).ThenBy(a => a.Id)
                    .Skip(skip).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken),
                _ => await articles.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id)
                    .Skip(skip).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken),
            };
            var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new
                {
                    a.Id,
                    a.Title,
                    Head = a.Title == null ? a.Text.Substring(0, ArticleTitles.HeadLength) : null,
                    a.Outlet,
                    a.Published,
                    Count = a.Evidence.Select(v => v.EventId).Distinct().Count(),
                })
                .ToDictionaryAsync(a => a.Id, cancellationToken);
            var list = ids.Where(rows.ContainsKey).Select(id => rows[id])
                .Select(a => new ArticleRow(a.Id, ArticleTitles.Display(a.Title, a.Head), a.Outlet, a.Published, a.Count)).ToList();
            return new IndexPage<ArticleRow>(list, total, page, pageSize);
        }, cancellationToken);

    /// <summary>
    /// The events that involve any of <paramref name="actorSlugs"/> (unknown slugs are left out) within the dates of
    /// <paramref name="filter"/>, newest first by keyset (<see cref="TimelineFilter.After"/>), with each actor's own
    /// count in that view; from the facet index, then one read of the page's events.
    /// </summary>
    public Task<ComparisonPage> GetComparisonAsync(IReadOnlyList<string> actorSlugs, TimelineFilter filter, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var actorIds = await ResolveActorsInOrderAsync(db, actorSlugs, cancellationToken);
            var index = await GetFacetIndexAsync(dataVersion.Read(), cancellationToken);
            var view = filter with { Actors = [], Query = null };
            var counts = new List<ActorCount>();
            foreach (var id in actorIds)
            {
                var actor = index.ActorsById[id];
                counts.Add(new ActorCount(actor.Slug, actor.Name, actor.Kind, index.Total(view, [id])));
            }
            if (actorIds.Count == 0)
            {
                return new ComparisonPage(counts, [], 0, null);
            }
            var positions = index.AnyOf(index.Filter(view, [], null), actorIds);
            var take = Math.Clamp(filter.Take, 1, 200);
            var keys = index.TopByDate(positions, take + 1, filter.Sort == TimelineSort.Oldest, ParseKeyset(filter.After));
            var ids = keys.Take(take).Select(k => k.Id).ToList();
            var summaries = await LoadSummariesAsync(db, ids, cancellationToken);
            var next = keys.Count > take ? FormatKeyset(keys[take - 1].Start, keys[take - 1].Id) : null;
            return new ComparisonPage(counts, ids.Where(summaries.ContainsKey).Select(id => new TimelineItem(summaries[id])).ToList(), positions.Length, next);
        }, cancellationToken);

    /// <summary>The ids of the known slugs among <paramref name="slugs"/>, in their order, once each.</summary>
    private static async Task<List<int>> ResolveActorsInOrderAsync(TimelineDbContext db, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Actors.Where(a => distinct.Contains(a.Slug)).Select(a => new { a.Slug, a.Id }).ToDictionaryAsync(a => a.Slug, a => a.Id, cancellationToken);
        return distinct.Where(found.ContainsKey).Select(s => found[s]).ToList();
    }
}
