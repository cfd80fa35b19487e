using System.Globalization;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// Read-side queries of the timeline; each call uses its own short-lived context, and a cancelled call interrupts its
/// statement (a client that went away stops its query).
/// </summary>
/// <remarks>
/// Filter counts and the other filters of a search work on the in-memory <see cref="FacetIndex"/>; a search runs its
/// full-text match (FTS5, or PostgreSQL's tsvector: <see cref="SearchSql"/>) once per expression and data version
/// (<see cref="ResultCache{T}"/>), whatever the page, count or export asks for it. Whether the data changed is one cheap
/// read per call (<see cref="DataVersion"/>).
/// </remarks>
public sealed partial class TimelineQueries : IDisposable
{
    /// <summary>
    /// The most matches ranked by relevance: a search with more matches (after the other filters) ranks its newest
    /// this many by date; its total, counts and date order still cover every match.
    /// </summary>
    public const int RankLimit = 2_000;

    private readonly IDbContextFactory<TimelineDbContext> contextFactory;
    private readonly DataVersion dataVersion;
    private readonly SearchSql search;
    // Facet index positions of the events an FTS5 expression matched (ascending); 4 M (16 MB) at most in all.
    private readonly ResultCache<int[]> matches = new(4_000_000, ids => ids.Length);
    // Ranked ids of a search under its other filters, for the pages after the first.
    private readonly ResultCache<int[]> rankings = new(64 * RankLimit, ids => ids.Length);
    // The counts and the time axis of the views asked for lately (the home page above all): each costs a pass over every
    // event the view holds (a million for the unfiltered view), the same for every reader until the data changes.
    private readonly ResultCache<TimelineFacets> facetsByView = new(ViewsCached, _ => 1);
    private readonly ResultCache<TimeAxisData> axesByView = new(ViewsCached, _ => 1);
    private readonly ResultCache<int[]> totalsByView = new(ViewsCached, _ => 1);

    /// <summary>How many views' counts (and as many time axes) are kept for the current data.</summary>
    private const int ViewsCached = 256;

    /// <summary>Queries over <paramref name="contextFactory"/>; <paramref name="changes"/>, when given, marks the data changed after each import.</summary>
    public TimelineQueries(IDbContextFactory<TimelineDbContext> contextFactory, TimelineChanges? changes = null)
    {
        this.contextFactory = contextFactory;
        using (var db = contextFactory.CreateDbContext())
        {
            var provider = db.ProviderOf();
            dataVersion = new DataVersion(provider, db.Database.GetConnectionString() ?? "");
            search = SearchSql.For(provider);
        }
        if (changes is not null)
        {
            changes.Changed += dataVersion.Bump;
        }
    }

    /// <summary>
    /// A stamp that differs after every committed change of the timeline (events, quotes, actors, articles, editors'
    /// corrections and notes), cheap enough to read for every request: the key of caches of rendered pages
    /// (<c>PermalinkCache</c>). SQLite: <c>PRAGMA data_version</c> (a commit by any connection or process) and this
    /// process's change counter. PostgreSQL: the change counter that every node's commit moves through LISTEN/NOTIFY,
    /// with no round trip to the database.
    /// </summary>
    public string ChangeStamp()
    {
        var (database, local) = dataVersion.ReadCheap();
        return string.Create(CultureInfo.InvariantCulture, $"{database}.{local}");
    }

    /// <summary>
    /// Loads the facet index of the current data unless it is loaded: called once at start in the background
    /// (<c>FacetIndexWarmUp</c>), so the first requests find it built or under way instead of starting it.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        GetFacetIndexAsync(dataVersion.Read(), cancellationToken);

    /// <summary>
    /// One page of the events matching <paramref name="filter"/>, in its order, with search matches marked, and the total.
    /// Date orders page by keyset on (Start, Id); relevance pages by offset within the ranked matches.
    /// </summary>
    public Task<TimelineResults> GetPageAsync(TimelineFilter filter, CancellationToken cancellationToken = default) =>
        GetPageAsync(filter, countTotal: true, cancellationToken);

    /// <summary>
    /// As <see cref="GetPageAsync(TimelineFilter, CancellationToken)"/>; without <paramref name="countTotal"/>, the total
    /// of a view without search is left at 0 (the next pages of an export or "load more" need none).
    /// </summary>
    public Task<TimelineResults> GetPageAsync(TimelineFilter filter, bool countTotal, CancellationToken cancellationToken = default) =>
        ReadAsync(db => PageAsync(db, filter, countTotal, cancellationToken), cancellationToken);

    private async Task<TimelineResults> PageAsync(TimelineDbContext db, TimelineFilter filter, bool countTotal, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(filter.Take, 1, 200);
        var match = search.Expression(filter.Query);
        var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
        if (actorIds is null)
        {
            return new TimelineResults([], 0, null);
        }
        var version = dataVersion.Read();
        var index = await GetFacetIndexAsync(version, cancellationToken);

        int total;
        int? rankedOnly = null;
        List<int> ids;
        string? next;
        if (match is null)
        {
            // A pass over every event for an actor or date filter (a million at 1 M events): kept per view like the counts.
            total = countTotal
                ? (await totalsByView.GetAsync(ViewKey(filter, "total"), version, _ => Task.FromResult(new[] { index.Total(filter, actorIds) }),
                    cancellationToken))[0]
                : 0;
            (ids, next) = await DatePageAsync(db, filter, actorIds, index, take, cancellationToken);
        }
        else
        {
            var candidates = index.Filter(filter, actorIds, await MatchesAsync(match, index, cancellationToken));
            total = candidates.Length;
            if (filter.EffectiveSort == TimelineSort.Relevance)
            {
                var ranked = await RankAsync(match, filter, index, candidates, version, cancellationToken);
                var offset = ParseOffset(filter.After);
                ids = ranked.Skip(offset).Take(take).ToList();
                next = ranked.Length > offset + take ? $"o{offset + take}" : null;
                rankedOnly = candidates.Length > RankLimit ? ranked.Length : null;
            }
            else
            {
                var keys = index.TopByDate(candidates, take + 1, filter.EffectiveSort == TimelineSort.Oldest, ParseKeyset(filter.After));
                ids = keys.Take(take).Select(k => k.Id).ToList();
                next = keys.Count > take ? FormatKeyset(keys[take - 1].Start, keys[take - 1].Id) : null;
            }
        }

        var summaries = await LoadSummariesAsync(db, ids, cancellationToken);
        var marks = match is null || ids.Count == 0
            ? []
            : (await search.MarkAsync(db, match, ids, cancellationToken)).ToDictionary(m => m.EventId);
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
        return new TimelineResults(items, total, next) { Ranked = rankedOnly };
    }

    /// <summary>A page without search, by keyset on (Start, Id), read from SQLite's indexes.</summary>
    private static async Task<(List<int> Ids, string? Next)> DatePageAsync(
        TimelineDbContext db, TimelineFilter filter, List<int> actorIds, FacetIndex index, int take, CancellationToken cancellationToken)
    {
        var oldest = filter.EffectiveSort == TimelineSort.Oldest;
        var filtered = Apply(db, filter, actorIds, WalksDates(filter, actorIds, index, take));
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
        var next = keys.Count > take ? FormatKeyset(keys[take - 1].Start, keys[take - 1].Id) : null;
        return (keys.Take(take).Select(k => k.Id).ToList(), next);
    }

    /// <summary>
    /// True when a page of the chosen actors' events is found sooner by walking the (Start, Id) index and testing each
    /// event's actors (about events / matching × page steps) than by reading the rarest actor's events and sorting
    /// them (about its event count in steps and a sort): a frequent actor's first page then costs a few hundred steps
    /// instead of a sort of all its events. Only without type or date filters, which have indexes of their own.
    /// </summary>
    private static bool WalksDates(TimelineFilter filter, List<int> actorIds, FacetIndex index, int take)
    {
        if (actorIds.Count == 0 || filter.Types.Count > 0 || filter.From is not null || filter.To is not null)
        {
            return false;
        }
        var driving = actorIds.Min(index.EventsOf);
        var matching = actorIds.Count == 1 ? driving : index.Total(filter, actorIds);
        // Twice the steps still win: a walk step is one index entry and one key probe, a read step a row and its sort.
        return matching > 0 && (long)index.EventCount * (take + 1) < 2L * matching * driving;
    }

    /// <summary>
    /// The positions in <paramref name="index"/> of the events <paramref name="match"/> matches, ascending: one FTS5 run
    /// per expression and data version, kept as positions so that a request reuses them as they are (a common word's
    /// 300,000 matches at a million events were turned into positions, and copied, by every request).
    /// </summary>
    /// <remarks>
    /// Keyed by the index itself (<see cref="FacetIndex.Load"/>), not the data version: a request that read the version
    /// before another loaded a newer index reloads one labelled with its older version, and positions in one index are
    /// not positions in the other.
    /// </remarks>
    private Task<int[]> MatchesAsync(string match, FacetIndex index, CancellationToken cancellationToken) =>
        matches.GetAsync(match, (index.Load, 0), token => ReadAsync(async db =>
        {
            var ids = await search.MatchingIds(db, match).ToArrayAsync(token);
            Array.Sort(ids);
            return index.PositionsOf(ids);
        }, token), cancellationToken);

    /// <summary>
    /// The candidates (positions passing every filter) in relevance order, best first, ties to the newer id. When there
    /// are more than <see cref="RankLimit"/>, only the most recently added that many (highest ids) are ranked: bm25 is
    /// computed for them alone, over the id range they span, instead of for every match of a common word.
    /// </summary>
    private Task<int[]> RankAsync(string match, TimelineFilter filter, FacetIndex index, int[] candidates, (long, long) version, CancellationToken cancellationToken)
    {
        var key = string.Join('\u001f', match, string.Join(',', filter.Actors.Order(StringComparer.Ordinal)),
            string.Join(',', filter.Types.Distinct().Order()), filter.From?.DayNumber, filter.To?.DayNumber);
        return rankings.GetAsync(key, version, token => ReadAsync(async db =>
        {
            var chosen = index.IdsAt(candidates.Length <= RankLimit ? candidates : candidates[^RankLimit..]);
            if (chosen.Length == 0)
            {
                return [];
            }
            var rows = await search.RankAsync(db, match, chosen, token);
            return rows.OrderBy(m => m.Rank).ThenByDescending(m => m.EventId).Select(m => m.EventId).ToArray();
        }, token), cancellationToken);
    }

    /// <summary>The counts beside the filter values (see <see cref="TimelineFacets"/>); at most <paramref name="actorLimit"/> actors, chosen ones always included.</summary>
    public Task<TimelineFacets> GetFacetsAsync(TimelineFilter filter, int actorLimit = 30, CancellationToken cancellationToken = default) =>
        facetsByView.GetAsync(ViewKey(filter, actorLimit.ToString(CultureInfo.InvariantCulture)), dataVersion.Read(),
            token => FacetsAsync(filter, actorLimit, token), cancellationToken);

    private Task<TimelineFacets> FacetsAsync(TimelineFilter filter, int actorLimit, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
            if (actorIds is null)
            {
                return new TimelineFacets([], [], []);
            }
            var (index, matching) = await IndexAndMatchesAsync(filter.Query, cancellationToken);
            return index.Count(filter, actorIds, matching, actorLimit);
        }, cancellationToken);

    /// <summary>
    /// The view on a time axis (<see cref="TimeAxisData"/>): the same events as the page (search and every filter), over
    /// the view's dates or, without them, the events' extent; binned in the facet index, titles read only for the events
    /// drawn one by one.
    /// </summary>
    public Task<TimeAxisData> GetAxisAsync(TimelineFilter filter, TimeAxisRequest request, CancellationToken cancellationToken = default) =>
        axesByView.GetAsync(ViewKey(filter, $"{request.PerBin},{request.LanesByType},{string.Join(',', request.LaneActors ?? [])}"), dataVersion.Read(),
            token => AxisAsync(filter, request, token), cancellationToken);

    /// <summary>What a view's counts and axis depend on (the search as matched, the filters in a canonical order), plus <paramref name="extra"/>.</summary>
    private string ViewKey(TimelineFilter filter, string extra) =>
        string.Join('\u001f', search.Expression(filter.Query) ?? "", string.Join(',', filter.Actors.Order(StringComparer.Ordinal)),
            string.Join(',', filter.Types.Distinct().Order()), filter.From?.DayNumber, filter.To?.DayNumber, extra);

    private Task<TimeAxisData> AxisAsync(TimelineFilter filter, TimeAxisRequest request, CancellationToken cancellationToken) =>
        ReadAsync(async db =>
        {
            var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
            var laneActors = request.LaneActors is { Count: > 0 } laneSlugs ? await ResolveActorsInOrderAsync(db, laneSlugs, cancellationToken) : null;
            if (laneActors is { Count: 0 })
            {
                actorIds = null;
            }
            var (index, matching) = await IndexAndMatchesAsync(actorIds is null ? null : filter.Query, cancellationToken);
            var positions = actorIds is null ? [] : index.Filter(filter, actorIds, matching);
            if (laneActors is { Count: > 0 })
            {
                positions = index.AnyOf(positions, laneActors);
            }
            var extent = index.Extent(positions);
            var from = filter.From ?? (extent is { } e1 ? DateOnly.FromDayNumber(e1.First) : filter.To);
            var to = filter.To ?? (extent is { } e2 ? DateOnly.FromDayNumber(Math.Max(e2.Last, from?.DayNumber ?? e2.Last)) : filter.From);
            if (from is not { } first || to is not { } last)
            {
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                return TimeAxisData.Empty(today.AddYears(-1), today);
            }
            if (last < first)
            {
                (first, last) = (last, first);
            }
            if (extent is null)
            {
                return TimeAxisData.Empty(first, last);
            }
            var scale = AxisScale.For(first, last);
            var binning = laneActors is { Count: > 0 } ? index.BinByActor(positions, scale, request, laneActors) : index.Bin(positions, scale, request);
            var shownIds = index.IdsAt(binning.Shown.Select(s => s.Position).ToArray());
            var wanted = shownIds.Distinct().ToList();
            var rows = wanted.Count == 0
                ? []
                : await db.Events.AsNoTracking().Where(e => wanted.Contains(e.Id))
                    .Select(e => new { e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision })
                    .ToListAsync(cancellationToken);
            var rowsById = rows.ToDictionary(r => r.Id);
            // An event drawn in several lanes (lanes by actor) is one mark per lane.
            var events = new List<AxisEvent>(shownIds.Length);
            for (var i = 0; i < shownIds.Length; i++)
            {
                if (rowsById.TryGetValue(shownIds[i], out var r))
                {
                    events.Add(new AxisEvent(r.Id, r.Title, r.Slug, r.Type, r.Start, r.End, r.Precision, binning.Shown[i].Lane));
                }
            }
            events = [.. events.OrderBy(r => r.Start).ThenBy(r => r.Id).ThenBy(r => r.Lane)];

            var lanes = new List<AxisLane>();
            var clusters = new List<AxisCluster>();
            var perBin = new int[scale.Bins];
            for (var lane = 0; lane < binning.LaneTypes.Length; lane++)
            {
                var laneTotal = 0;
                for (var bin = 0; bin < scale.Bins; bin++)
                {
                    var count = binning.Counts[lane, bin];
                    laneTotal += count;
                    perBin[bin] += count;
                    if (count > request.PerBin)
                    {
                        var (sliceFrom, sliceTo) = scale.Slice(bin);
                        clusters.Add(new AxisCluster(lane, sliceFrom, sliceTo, count));
                    }
                }
                lanes.Add(new AxisLane(binning.LaneTypes[lane] < 0 ? null : (EventType)binning.LaneTypes[lane], laneTotal,
                    binning.LaneActors is { } byActor ? index.ActorsById[byActor[lane]] : null));
            }
            var peak = Enumerable.Range(0, scale.Bins).MaxBy(b => perBin[b]);
            return new TimeAxisData(scale, positions.Length, lanes, clusters, events, (scale.Slice(peak).From, scale.Slice(peak).To, perBin[peak]));
        }, cancellationToken);

    // Cancels the shared facet index load when the queries go away (the host stops); no request's token does.
    private readonly CancellationTokenSource disposing = new();

    public void Dispose()
    {
        disposing.Cancel();
        dataVersion.Dispose();
    }

    private FacetIndex? facetIndex;

    // The facet index load under way (or the last one), shared by every call that needs the index of its version.
    private Task<FacetIndex>? facetIndexLoad;
    private (long, long) facetIndexLoadVersion;
    private readonly Lock facetIndexGate = new();

    /// <summary>The version of the data the facet index in memory was read at; null before the first load.</summary>
    public (long, long)? FacetIndexVersion => facetIndex?.Version;

    /// <summary>The facet index of the current data and, for a search, the index positions of its matches (null without one).</summary>
    private async Task<(FacetIndex Index, int[]? Matching)> IndexAndMatchesAsync(string? query, CancellationToken cancellationToken)
    {
        var match = search.Expression(query);
        var version = dataVersion.Read();
        var index = await GetFacetIndexAsync(version, cancellationToken);
        return (index, match is null ? null : await MatchesAsync(match, index, cancellationToken));
    }

    /// <summary>
    /// The in-memory facet index, reloaded when the data version differs. The load is shared: it runs on its own
    /// connections under no request's token, and a cancelled caller only stops waiting for it (at once, even while
    /// SQLite reads rows synchronously), so a reader who leaves neither fails the others waiting nor wastes the work done.
    /// </summary>
    private Task<FacetIndex> GetFacetIndexAsync((long, long) version, CancellationToken cancellationToken)
    {
        if (facetIndex is { } current && current.Version == version)
        {
            return Task.FromResult(current);
        }
        Task<FacetIndex> load;
        lock (facetIndexGate)
        {
            if (facetIndexLoad is { IsFaulted: false, IsCanceled: false } pending && facetIndexLoadVersion == version)
            {
                load = pending;
            }
            else
            {
                // One load at a time (each holds the whole index in memory): a newer version's load starts after the last.
                var previous = facetIndexLoad;
                load = facetIndexLoad = Task.Run(() => LoadFacetIndexAsync(previous, version, disposing.Token), CancellationToken.None);
                facetIndexLoadVersion = version;
            }
        }
        return load.WaitAsync(cancellationToken);
    }

    private async Task<FacetIndex> LoadFacetIndexAsync(Task? previous, (long, long) version, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (facetIndex is { } loaded && loaded.Version == version)
        {
            return loaded;
        }
        // The links (about twice as many rows as events) on a second connection while the first reads the events, on a
        // thread of its own: Microsoft.Data.Sqlite's async calls complete synchronously, so the read would otherwise run
        // to its end before the events' read starts.
        var links = Task.Run(() => ReadAsync(db => FacetIndex.ReadLinksAsync(db, cancellationToken), cancellationToken), cancellationToken);
        var (events, actors) = await ReadAsync(async db =>
            (await FacetIndex.ReadEventsAsync(db, cancellationToken), await FacetIndex.ReadActorsAsync(db, cancellationToken)), cancellationToken);
        var index = FacetIndex.Build(version, events, await links, actors);
        facetIndex = index;
        return index;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a context of its own whose connection is interrupted when
    /// <paramref name="cancellationToken"/> fires (Microsoft.Data.Sqlite checks the token only before a statement starts).
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<TimelineDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Declared after the context, so disposed before it: the connection is never interrupted once it is back in the pool.
        using var interrupt = db.Database.GetDbConnection().InterruptOn(cancellationToken);
        try
        {
            return await read(db);
        }
        catch (Exception e) when (e.IsInterruptOf(cancellationToken))
        {
            throw new OperationCanceledException("The query was interrupted: its request was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>Actors whose name contains <paramref name="text"/>, with their counts under <paramref name="filter"/>, most events first.</summary>
    public Task<IReadOnlyList<ActorCount>> SearchActorsAsync(string? text, TimelineFilter filter, int limit = 20, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ActorCount>>(async db =>
        {
            var actorIds = await ResolveActorsAsync(db, filter.Actors, cancellationToken);
            if (actorIds is null)
            {
                return [];
            }
            var cleaned = SearchSyntax.Clean(text);
            var (index, matching) = await IndexAndMatchesAsync(filter.Query, cancellationToken);
            return index.CountActors(filter, actorIds, matching, cleaned.Length == 0 ? null : cleaned, limit);
        }, cancellationToken);

    /// <summary>
    /// Reads one row of the events table on a connection of the pool: throws when the database cannot be opened or
    /// read (missing schema, a file that is not a database, a lock held past the busy timeout).
    /// </summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(db => db.Events.Select(e => e.Id).Take(1).ToListAsync(cancellationToken), cancellationToken);

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
    public Task<EventDetail?> GetEventAsync(int id, CancellationToken cancellationToken = default) =>
        ReadAsync(db => EventAsync(db, id, cancellationToken), cancellationToken);

    private static async Task<EventDetail?> EventAsync(TimelineDbContext db, int id, CancellationToken cancellationToken)
    {
        var row = await db.Events.AsNoTracking().AsSplitQuery()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                Summary = new EventSummary(e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Precision, e.DateText, e.Location,
                    e.Actors.OrderBy(a => a.Actor.Name).Select(a => new ActorSummary(a.Actor.Slug, a.Actor.Name, a.Actor.Kind)).ToList()),
                e.Timex,
                e.Confidence,
                Evidence = e.Evidence.OrderBy(v => v.ArticleId).ThenBy(v => v.Start)
                    .Select(v => new
                    {
                        Quote = new EvidenceQuote(v.ArticleId, v.Article.Title, v.Article.Outlet, v.Article.Published, v.Start, v.End, v.Text, v.Id, v.Article.Url),
                        Head = v.Article.Title == null ? v.Article.Text.Substring(0, ArticleTitles.HeadLength) : null,
                    })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        // A quote is credited to its outlet (else the article's host or headline), never to a file name or "Article 1".
        var quotes = row.Evidence.Select(q => q.Quote with
        {
            ArticleTitle = ArticleTitles.Display(q.Quote.ArticleTitle, q.Head),
            Outlet = ArticleTitles.Credit(q.Quote.Outlet, q.Quote.Url, q.Quote.ArticleTitle, q.Head),
            Url = SourceUrls.HttpOrNull(q.Quote.Url),
        }).ToList();
        var outlets = row.Evidence.Select(v => v.Quote).DistinctBy(q => q.ArticleId).ToDictionary(q => q.ArticleId, q => q.Outlet);
        var articles = quotes.GroupBy(q => q.ArticleId)
            .Select(g => new QuotedArticle(g.Key, g.First().ArticleTitle!, g.First().Outlet!, outlets[g.Key], g.First().Published, g.First().Url, [.. g]))
            .OrderByDescending(a => a.Published).ThenBy(a => a.ArticleId)
            .ToList();
        return new EventDetail(row.Summary, row.Timex, row.Confidence, quotes) { Articles = articles };
    }

    /// <summary>
    /// Events sharing an actor with the event and starting within <paramref name="days"/> days of its interval
    /// (most shared actors first, then nearest in time), and the previous and next event in (Start, Id) order.
    /// </summary>
    public async Task<EventNeighbours> GetNeighboursAsync(int id, int days = 30, int limit = 10, CancellationToken cancellationToken = default)
    {
        // The facet index holds every event's dates and actors: the neighbours are found there, and only the dozen events
        // shown are read (a window scan with a count of shared actors per row cost a permalink tens of milliseconds).
        var index = await GetFacetIndexAsync(dataVersion.Read(), cancellationToken);
        if (index.Neighbours(id, days, limit) is not { } found)
        {
            return new EventNeighbours([], null, null);
        }
        var (related, previousId, nextId) = found;
        var wanted = related.Select(r => r.Id).Append(previousId ?? 0).Append(nextId ?? 0).ToList();
        var summaries = await ReadAsync(db => LoadSummariesAsync(db, wanted, cancellationToken), cancellationToken);
        return new EventNeighbours(
            related.Where(r => summaries.ContainsKey(r.Id)).Select(r => new RelatedEvent(summaries[r.Id], r.Shared)).ToList(),
            previousId is { } p ? summaries.GetValueOrDefault(p) : null,
            nextId is { } n ? summaries.GetValueOrDefault(n) : null);
    }

    /// <summary>An actor with its event counts by type, or null for an unknown slug.</summary>
    public Task<ActorDetail?> GetActorAsync(string slug, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == slug)
                .Select(a => new { a.Id, Summary = new ActorSummary(a.Slug, a.Name, a.Kind) }).SingleOrDefaultAsync(cancellationToken);
            if (actor is null)
            {
                return null;
            }
            // From the facet index: grouping a frequent actor's events in SQL reads all of them.
            var index = await GetFacetIndexAsync(dataVersion.Read(), cancellationToken);
            var (types, first, last) = index.ActorEvents(actor.Id);
            return new ActorDetail(actor.Summary, types.Sum(t => t.Count), types, first, last);
        }, cancellationToken);

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
            .Select(v => new ArticleHighlight(v.Start, v.End, v.EventId, v.Event.Title, v.Event.Slug, v.Id))
            .ToListAsync(cancellationToken);
        return new ArticleDetail(article.Id, article.Source, ArticleTitles.Display(article.Title, article.Text), article.Outlet, SourceUrls.HttpOrNull(article.Url), article.Published,
            article.PublishedSource, article.Text, highlights);
    }

    /// <summary>The ids of the slugs; null when one is unknown (no event can involve it).</summary>
    private static async Task<List<int>?> ResolveActorsAsync(TimelineDbContext db, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return [];
        }
        var ids = await ResolveActorsInOrderAsync(db, slugs, cancellationToken);
        return ids.Count == slugs.Distinct(StringComparer.Ordinal).Count() ? ids : null;
    }

    /// <summary>
    /// The events passing <paramref name="filter"/>'s actor, type and date filters (never its search). With
    /// <paramref name="walkDates"/>, an actor is a test on each event (EXISTS on the (EventId, ActorId) key) so that
    /// SQLite walks the (Start, Id) index and stops at the page size; else a chosen actor's event list may drive.
    /// </summary>
    private static IQueryable<Event> Apply(TimelineDbContext db, TimelineFilter filter, List<int> actorIds, bool walkDates)
    {
        var events = db.Events.AsNoTracking();
        // An actor's event list may drive the query (IN on the rowid) only when nothing else can: with a type or
        // date filter, SQLite would otherwise still prefer walking tens of thousands of rowids of a frequent actor
        // over the covering (Type, End, Start) or (End, Start) index. "Id + 0" keeps the test but not the drive.
        var otherIndexedFilter = filter.Types.Count > 0 || filter.From is not null || filter.To is not null;
        foreach (var actorId in actorIds)
        {
            var involved = db.EventActors.Where(ea => ea.ActorId == actorId).Select(ea => ea.EventId);
            events = walkDates
                ? events.Where(e => e.Actors.Any(a => a.ActorId == actorId))
                : otherIndexedFilter
                    ? events.Where(e => involved.Contains(e.Id + 0))
                    : events.Where(e => involved.Contains(e.Id));
        }
        if (filter.Types.Count > 0)
        {
            var types = filter.Types.Distinct().ToList();
            events = events.Where(e => types.Contains(e.Type));
        }
        if (filter.From is { } from)
        {
            events = events.Where(e => e.End >= from);
        }
        if (filter.To is { } to)
        {
            events = events.Where(e => e.Start <= to);
        }
        return events;
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
