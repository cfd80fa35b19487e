using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// The few columns the filter counts need (type, interval, actors) for every event, held in memory as flat arrays
/// and rebuilt when the data changes, so that counting under any filter is one pass over arrays instead of grouped
/// SQL queries over the matches, and a search's other filters apply to its matched ids without SQL. Events are
/// positions in id order; about 23 bytes per event (id, type byte, start, end, offset, 1.5 actor ids on average):
/// 23 MB measured at a million events, read by streaming rows (no object per event is kept).
/// </summary>
internal sealed class FacetIndex
{
    private readonly int[] ids;
    private readonly byte[] types;
    private readonly int[] starts;
    private readonly int[] ends;
    // The actors of the event at position i are links[linkStarts[i] .. linkStarts[i + 1]].
    private readonly int[] linkStarts;
    private readonly int[] links;
    private readonly Dictionary<int, int> eventsByActor;
    private static long loads;

    private FacetIndex((long, long) version, int[] ids, byte[] types, int[] starts, int[] ends, int[] linkStarts, int[] links,
        Dictionary<int, ActorSummary> actorsById)
    {
        Version = version;
        this.ids = ids;
        this.types = types;
        this.starts = starts;
        this.ends = ends;
        this.linkStarts = linkStarts;
        this.links = links;
        ActorsById = actorsById;
        for (var i = 0; i < starts.Length; i++)
        {
            LongestSpanDays = Math.Max(LongestSpanDays, ends[i] - starts[i]);
        }
        eventsByActor = [];
        foreach (var actor in links)
        {
            eventsByActor[actor] = eventsByActor.GetValueOrDefault(actor) + 1;
        }
    }

    /// <summary>The <see cref="DataVersion"/> the index was read at.</summary>
    public (long, long) Version { get; }

    /// <summary>
    /// A number no other index of this process has: two indexes read at the same <see cref="Version"/> may still differ
    /// (rows committed while one was read), so what holds positions in an index is keyed by this, not by the version.
    /// </summary>
    public long Load { get; } = Interlocked.Increment(ref loads);

    /// <summary>Every actor by id.</summary>
    public Dictionary<int, ActorSummary> ActorsById { get; }

    /// <summary>The most days any event's interval spans (End - Start): an event overlapping a window starts at most this long before it.</summary>
    public int LongestSpanDays { get; }

    /// <summary>Events in the index.</summary>
    public int EventCount => ids.Length;

    /// <summary>The bytes its arrays hold (the actor dictionaries aside).</summary>
    public long ArrayBytes => (ids.Length + starts.Length + ends.Length + linkStarts.Length + links.Length) * 4L + types.Length;

    /// <summary>How many events involve the actor.</summary>
    public int EventsOf(int actorId) => eventsByActor.GetValueOrDefault(actorId);

    /// <summary>Every event's id, type, start and end (day numbers), in ascending id order.</summary>
    internal sealed record EventColumns(int[] Ids, byte[] Types, int[] Starts, int[] Ends);

    /// <summary>Every actor link as (event id, actor id), ascending; <see cref="Count"/> of the arrays are used.</summary>
    internal sealed record LinkRows(int[] EventIds, int[] ActorIds, int Count);

    /// <summary>
    /// Every event's columns, streamed as plain rows through the provider's data reader (not EF Core's materializer: a
    /// million rows, and the first request after start or after an import waits for them) straight into the final arrays:
    /// no object, not even the type's string, per row.
    /// </summary>
    internal static async Task<EventColumns> ReadEventsAsync(TimelineDbContext db, CancellationToken cancellationToken)
    {
        var provider = db.ProviderOf();
        var count = await CountAsync(db, "Events", cancellationToken);
        var ids = new int[count];
        var types = new byte[count];
        var starts = new int[count];
        var ends = new int[count];
        var n = 0;
        // In no particular order, sorted by id below: without ORDER BY, SQLite reads the small covering index
        // IX_Events_Type_End_Start (type, dates and the row id) instead of the table with its titles, a few times fewer
        // pages. Dates come as day numbers (DateOnly.DayNumber) and types as their enum values, computed by the database.
        await ForEachRowAsync(db, provider, EventRowsSql(provider), row =>
        {
            if (n == ids.Length)
            {
                // Rows added since the count: grow (rare; the version already moved, so the next call reloads).
                Array.Resize(ref ids, n * 2 + 16);
                Array.Resize(ref types, ids.Length);
                Array.Resize(ref starts, ids.Length);
                Array.Resize(ref ends, ids.Length);
            }
            ids[n] = row.GetInt32(0);
            var packed = row.GetInt64(1);
            types[n] = (byte)(packed >> TypeShift);
            starts[n] = (int)((packed >> StartShift) & DayMask);
            ends[n] = (int)(packed & DayMask);
            n++;
        }, cancellationToken);
        if (n < ids.Length)
        {
            // Rows deleted since the count (rare).
            Array.Resize(ref ids, n);
            Array.Resize(ref types, n);
            Array.Resize(ref starts, n);
            Array.Resize(ref ends, n);
        }
        SortById(ids, types, starts, ends);
        return new EventColumns(ids, types, starts, ends);
    }

    /// <summary>Every actor link in (event id, actor id) order, streamed as plain rows.</summary>
    internal static async Task<LinkRows> ReadLinksAsync(TimelineDbContext db, CancellationToken cancellationToken)
    {
        var count = await CountAsync(db, "EventActors", cancellationToken);
        var eventIds = new int[count];
        var actorIds = new int[count];
        var n = 0;
        // One integer per row (event id in the high half): each column read is a call into the provider's native library.
        await ForEachRowAsync(db, db.ProviderOf(), """SELECT CAST("EventId" AS BIGINT) * 4294967296 + "ActorId" FROM "EventActors" ORDER BY "EventId", "ActorId" """, row =>
        {
            if (n == eventIds.Length)
            {
                Array.Resize(ref eventIds, n * 2 + 16);
                Array.Resize(ref actorIds, eventIds.Length);
            }
            var link = row.GetInt64(0);
            eventIds[n] = (int)(link >> 32);
            actorIds[n] = (int)link;
            n++;
        }, cancellationToken);
        return new LinkRows(eventIds, actorIds, n);
    }

    /// <summary>Every actor by id.</summary>
    internal static Task<Dictionary<int, ActorSummary>> ReadActorsAsync(TimelineDbContext db, CancellationToken cancellationToken) =>
        db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new ActorSummary(a.Slug, a.Name, a.Kind), cancellationToken);

    /// <summary>The index of <paramref name="events"/> and their links, merged (both sorted by event id); a link to no event is skipped.</summary>
    internal static FacetIndex Build((long, long) version, EventColumns events, LinkRows links, Dictionary<int, ActorSummary> actors)
    {
        var ids = events.Ids;
        var linkStarts = new int[ids.Length + 1];
        // Links are kept in place and compacted only when some name no event (written since the events were read).
        var kept = links.ActorIds;
        var k = 0;
        var position = 0;
        for (var r = 0; r < links.Count; r++)
        {
            var eventId = links.EventIds[r];
            while (position < ids.Length && ids[position] < eventId)
            {
                linkStarts[++position] = k;
            }
            if (position < ids.Length && ids[position] == eventId)
            {
                kept[k++] = links.ActorIds[r];
            }
        }
        while (position < ids.Length)
        {
            linkStarts[++position] = k;
        }
        if (k < kept.Length)
        {
            Array.Resize(ref kept, k);
        }
        return new FacetIndex(version, ids, events.Types, events.Starts, events.Ends, linkStarts, kept, actors);
    }

    private static async Task<int> CountAsync(TimelineDbContext db, string table, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""SELECT count(*) FROM "{table}" """;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // An event's type, start and end in one integer (EventRowsSql): each column read is a call into the provider's native
    // library, a million rows times per column. Day numbers stay below 2^22 (9999-12-31 is 3,652,058).
    private const int StartShift = 22;
    private const int TypeShift = 44;
    private const long DayMask = (1L << StartShift) - 1;

    /// <summary>
    /// Every event's id, and its type (its <see cref="EventType"/> value; an unknown id is <see cref="EventType.Other"/>,
    /// as EF Core reads it), start and end as day numbers (days since 0001-01-01, <see cref="DateOnly.DayNumber"/>) packed
    /// into one integer: type &lt;&lt; <see cref="TypeShift"/> | start &lt;&lt; <see cref="StartShift"/> | end.
    /// </summary>
    private static string EventRowsSql(DatabaseProvider provider)
    {
        var type = $"""CASE "Type" {string.Concat(EventTypes.All.Select(t => $"WHEN '{t.Id.Replace("'", "''", StringComparison.Ordinal)}' THEN {(int)t.Type} "))}ELSE {(int)EventType.Other} END""";
        var (start, end) = provider == DatabaseProvider.Postgres
            ? ("""("Start" - DATE '0001-01-01')""", """("End" - DATE '0001-01-01')""")
            // julianday() of 0001-01-01 is 1721425.5; dates are stored as yyyy-MM-dd text.
            : ("""CAST(julianday("Start") - 1721425.5 AS INTEGER)""", """CAST(julianday("End") - 1721425.5 AS INTEGER)""");
        return $"""SELECT "Id", CAST({type} AS BIGINT) * {1L << TypeShift} + CAST({start} AS BIGINT) * {1L << StartShift} + {end} FROM "Events" """;
    }

    /// <summary>
    /// Reorders the columns by ascending id in place (rows arrive in index order): the permutation is applied cycle by
    /// cycle, so sorting a million events allocates one array of positions, not a copy of every column.
    /// </summary>
    private static void SortById(int[] ids, byte[] types, int[] starts, int[] ends)
    {
        var sorted = true;
        for (var i = 1; i < ids.Length && sorted; i++)
        {
            sorted = ids[i - 1] < ids[i];
        }
        if (sorted)
        {
            return;
        }
        var order = new int[ids.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(ids, order);
        // Position i takes the row at order[i]; a visited position is marked by its complement (order[i] is never negative).
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] < 0 || order[i] == i)
            {
                continue;
            }
            var (type, start, end) = (types[i], starts[i], ends[i]);
            var j = i;
            while (order[j] != i)
            {
                var from = order[j];
                (types[j], starts[j], ends[j]) = (types[from], starts[from], ends[from]);
                order[j] = ~from;
                j = from;
            }
            (types[j], starts[j], ends[j]) = (type, start, end);
            order[j] = ~i;
        }
    }

    /// <summary>Streams <paramref name="sql"/>'s rows; on SQLite with <c>Read</c>, which is what its <c>ReadAsync</c> does with a task more per row.</summary>
    private static async Task ForEachRowAsync(TimelineDbContext db, DatabaseProvider provider, string sql, Action<System.Data.Common.DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Cancellation interrupts the statement (the connection's interrupt), so Read throws then; the token is also
            // looked at every few thousand rows, for an interrupt that came between two statements and was lost.
            var rows = 0;
            while (reader.Read())
            {
                read(reader);
                if (++rows % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            return;
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }

    /// <summary>The positions of <paramref name="sortedIds"/> (ascending event ids) that are in the index, ascending.</summary>
    public int[] PositionsOf(int[] sortedIds)
    {
        var positions = new List<int>(sortedIds.Length);
        var p = 0;
        foreach (var id in sortedIds)
        {
            while (p < ids.Length && ids[p] < id)
            {
                p++;
            }
            if (p == ids.Length)
            {
                break;
            }
            if (ids[p] == id)
            {
                positions.Add(p);
            }
        }
        return [.. positions];
    }

    /// <summary>
    /// The positions among <paramref name="positions"/> (all events when null) that pass every filter but the search:
    /// <paramref name="positions"/> itself, not a copy, when there is no other filter (callers never change the arrays).
    /// </summary>
    public int[] Filter(TimelineFilter filter, List<int> actorIds, int[]? positions)
    {
        if (positions is not null && filter.Types.Count == 0 && filter.From is null && filter.To is null && actorIds.Count == 0)
        {
            return positions;
        }
        var test = new Test(filter);
        var passing = new List<int>();
        if (positions is null)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                if (test.Type(types[i]) && test.Dates(starts[i], ends[i]) && HasAll(i, actorIds))
                {
                    passing.Add(i);
                }
            }
        }
        else
        {
            foreach (var i in positions)
            {
                if (test.Type(types[i]) && test.Dates(starts[i], ends[i]) && HasAll(i, actorIds))
                {
                    passing.Add(i);
                }
            }
        }
        return [.. passing];
    }

    /// <summary>How many events pass every filter but the search (which the caller counts in FTS5).</summary>
    public int Total(TimelineFilter filter, List<int> actorIds)
    {
        if (filter.Types.Count == 0 && filter.From is null && filter.To is null && actorIds.Count == 0)
        {
            return ids.Length;
        }
        var test = new Test(filter);
        var total = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (test.Type(types[i]) && test.Dates(starts[i], ends[i]) && HasAll(i, actorIds))
            {
                total++;
            }
        }
        return total;
    }

    // Positions in (Start, Id) order, made on the first permalink that asks (4 bytes per event), once: concurrent first
    // permalinks wait for the one that builds it instead of each sorting a million keys of their own.
    private int[]? byStart;
    private readonly Lock byStartLock = new();

    private int[] ByStart()
    {
        if (Volatile.Read(ref byStart) is { } built)
        {
            return built;
        }
        lock (byStartLock)
        {
            if (byStart is null)
            {
                Volatile.Write(ref byStart, OrderByStart(starts));
            }
            return byStart!;
        }
    }

    /// <summary>
    /// The positions 0..n-1 ordered by <paramref name="starts"/> (day numbers), ties in position order: positions are in
    /// id order, so this is (Start, Id) order. A stable counting sort over the start day when the days span little (the
    /// usual case: decades of days, one pass and a count per day), else a stable radix sort on 11-bit digits of the day
    /// (two passes for any DateOnly); both O(n) and without the 8-byte key per event a comparison sort needs.
    /// </summary>
    internal static int[] OrderByStart(int[] starts)
    {
        var n = starts.Length;
        var order = new int[n];
        if (n == 0)
        {
            return order;
        }
        var (min, max) = (starts[0], starts[0]);
        foreach (var s in starts)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }
        var span = (long)max - min + 1;
        if (span <= Math.Max(1 << 16, n))
        {
            var counts = new int[span + 1];
            foreach (var s in starts)
            {
                counts[s - min + 1]++;
            }
            for (var d = 1; d < counts.Length; d++)
            {
                counts[d] += counts[d - 1];
            }
            for (var i = 0; i < n; i++)
            {
                order[counts[starts[i] - min]++] = i;
            }
            return order;
        }
        const int DigitBits = 11;
        const int Digits = 1 << DigitBits;
        var scratch = new int[n];
        var bucketCounts = new int[Digits + 1];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        for (var shift = 0; (span - 1) >> shift > 0; shift += DigitBits)
        {
            Array.Clear(bucketCounts);
            foreach (var p in order)
            {
                bucketCounts[(int)(((uint)(starts[p] - min) >> shift) & (Digits - 1)) + 1]++;
            }
            for (var d = 1; d < bucketCounts.Length; d++)
            {
                bucketCounts[d] += bucketCounts[d - 1];
            }
            foreach (var p in order)
            {
                scratch[bucketCounts[(int)(((uint)(starts[p] - min) >> shift) & (Digits - 1))]++] = p;
            }
            (order, scratch) = (scratch, order);
        }
        return order;
    }

    /// <summary>
    /// The neighbours of event <paramref name="id"/>, null when it is not in the index: the events sharing an actor with
    /// it whose interval meets its own widened by <paramref name="days"/> on each side (most shared actors first, then
    /// the latest start, then the lowest id; at most <paramref name="limit"/>), and the previous and next event in
    /// (Start, Id) order. Binary searches and a walk of the window in start order: no database work.
    /// </summary>
    public (List<(int Id, int Shared)> Related, int? Previous, int? Next)? Neighbours(int id, int days, int limit)
    {
        var p = Array.BinarySearch(ids, id);
        if (p < 0)
        {
            return null;
        }
        var order = ByStart();
        var rank = LowerBound(order, ((long)starts[p] << 32) | (uint)id);
        int? previous = rank > 0 ? ids[order[rank - 1]] : null;
        int? next = rank + 1 < order.Length ? ids[order[rank + 1]] : null;

        var own = links.AsSpan(linkStarts[p], linkStarts[p + 1] - linkStarts[p]);
        var related = new List<(int Id, int Shared, int Start)>();
        if (!own.IsEmpty)
        {
            var from = starts[p] - days;
            var to = ends[p] + days;
            // An event meeting the window starts at most the longest span before it.
            for (var r = LowerBound(order, (long)(from - LongestSpanDays) << 32); r < order.Length && starts[order[r]] <= to; r++)
            {
                var q = order[r];
                if (q == p || ends[q] < from)
                {
                    continue;
                }
                var shared = 0;
                for (var l = linkStarts[q]; l < linkStarts[q + 1]; l++)
                {
                    shared += own.Contains(links[l]) ? 1 : 0;
                }
                if (shared > 0)
                {
                    related.Add((ids[q], shared, starts[q]));
                }
            }
        }
        var chosen = related.OrderByDescending(r => r.Shared).ThenByDescending(r => r.Start).ThenBy(r => r.Id).Take(limit)
            .Select(r => (r.Id, r.Shared)).ToList();
        return (chosen, previous, next);
    }

    // The first rank whose (Start, Id) key is at least key.
    private int LowerBound(int[] order, long key)
    {
        int lo = 0, hi = order.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if ((((long)starts[order[mid]] << 32) | (uint)ids[order[mid]]) < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>
    /// The first <paramref name="take"/> events of <paramref name="positions"/> in date order (newest first unless
    /// <paramref name="oldest"/>), after the keyset <paramref name="after"/>: one pass, keeping only the best few.
    /// </summary>
    public List<(int Id, DateOnly Start)> TopByDate(int[] positions, int take, bool oldest, (DateOnly Start, int Id)? after)
    {
        // Keys compare as (start, id); newest first is the same selection on negated keys.
        var sign = oldest ? 1L : -1L;
        long Key(int i) => sign * (((long)starts[i] << 32) | (uint)ids[i]);
        long? floor = after is { } a ? sign * (((long)a.Start.DayNumber << 32) | (uint)a.Id) : null;
        var best = new PriorityQueue<int, long>(take + 1, Comparer<long>.Create((x, y) => y.CompareTo(x)));
        foreach (var i in positions)
        {
            var key = Key(i);
            if (floor is { } f && key <= f)
            {
                continue;
            }
            if (best.Count < take)
            {
                best.Enqueue(i, key);
            }
            else if (best.TryPeek(out _, out var worst) && key < worst)
            {
                best.DequeueEnqueue(i, key);
            }
        }
        var chosen = new List<int>(best.Count);
        while (best.TryDequeue(out var i, out _))
        {
            chosen.Add(i);
        }
        chosen.Reverse();
        return chosen.Select(i => (ids[i], DateOnly.FromDayNumber(starts[i]))).ToList();
    }

    /// <summary>The event ids at <paramref name="positions"/> (ascending positions give ascending ids).</summary>
    public int[] IdsAt(ReadOnlySpan<int> positions)
    {
        var result = new int[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            result[i] = ids[positions[i]];
        }
        return result;
    }

    /// <summary>
    /// Counts under <paramref name="filter"/>: types without the type filter, years (of the start) without the date
    /// filter, actors and months (of the start) with every filter. <paramref name="matching"/> holds the positions a
    /// search matched, null without search.
    /// </summary>
    public TimelineFacets Count(TimelineFilter filter, List<int> actorIds, int[]? matching, int actorLimit)
    {
        var test = new Test(filter);
        var typeCounts = new int[EventTypes.All.Count];
        var yearCounts = new Dictionary<int, int>();
        var actorCounts = new Dictionary<int, int>();
        // Keyed by the start's day number of the month's first day.
        var monthCounts = new Dictionary<int, int>();
        void CountOne(int i)
        {
            if (!HasAll(i, actorIds))
            {
                return;
            }
            var typeOk = test.Type(types[i]);
            var dateOk = test.Dates(starts[i], ends[i]);
            if (dateOk)
            {
                typeCounts[types[i]]++;
            }
            if (typeOk)
            {
                var year = DateOnly.FromDayNumber(starts[i]).Year;
                yearCounts[year] = yearCounts.GetValueOrDefault(year) + 1;
            }
            if (typeOk && dateOk)
            {
                for (var l = linkStarts[i]; l < linkStarts[i + 1]; l++)
                {
                    actorCounts[links[l]] = actorCounts.GetValueOrDefault(links[l]) + 1;
                }
                var start = DateOnly.FromDayNumber(starts[i]);
                var month = start.DayNumber - start.Day + 1;
                monthCounts[month] = monthCounts.GetValueOrDefault(month) + 1;
            }
        }
        if (matching is null)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                CountOne(i);
            }
        }
        else
        {
            foreach (var i in matching)
            {
                CountOne(i);
            }
        }

        var top = actorCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Math.Clamp(actorLimit, 1, 500)).Select(kv => kv.Key);
        var actors = top.Union(actorIds)
            .Where(ActorsById.ContainsKey)
            .Select(id => (Actor: ActorsById[id], Count: actorCounts.GetValueOrDefault(id)))
            .Select(a => new ActorCount(a.Actor.Slug, a.Actor.Name, a.Actor.Kind, a.Count))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var typeList = typeCounts.Select((count, t) => new TypeCount((EventType)t, count)).Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Type).ToList();
        var years = yearCounts.OrderBy(kv => kv.Key).Select(kv => new YearCount(kv.Key, kv.Value)).ToList();
        var months = monthCounts.OrderBy(kv => kv.Key)
            .Select(kv =>
            {
                var first = DateOnly.FromDayNumber(kv.Key);
                return new MonthCount(first.Year, first.Month, kv.Value);
            })
            .ToList();
        return new TimelineFacets(actors, typeList, years) { Months = months };
    }

    /// <summary>
    /// Actors with their counts under every filter (what adding each to the AND selection gives), most events first:
    /// those whose name contains <paramref name="nameContains"/> (any case), else the top ones and the chosen ones.
    /// </summary>
    public List<ActorCount> CountActors(TimelineFilter filter, List<int> actorIds, int[]? matching, string? nameContains, int limit)
    {
        var test = new Test(filter);
        var counts = new Dictionary<int, int>();
        void CountOne(int i)
        {
            if (test.Type(types[i]) && test.Dates(starts[i], ends[i]) && HasAll(i, actorIds))
            {
                for (var l = linkStarts[i]; l < linkStarts[i + 1]; l++)
                {
                    counts[links[l]] = counts.GetValueOrDefault(links[l]) + 1;
                }
            }
        }
        if (matching is null)
        {
            for (var i = 0; i < ids.Length; i++)
            {
                CountOne(i);
            }
        }
        else
        {
            foreach (var i in matching)
            {
                CountOne(i);
            }
        }
        var found = counts
            .Where(kv => ActorsById.TryGetValue(kv.Key, out var a) && (nameContains is null || a.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Take(Math.Clamp(limit, 1, 500))
            .Select(kv => kv.Key);
        return found.Union(nameContains is null ? actorIds : [])
            .Where(ActorsById.ContainsKey)
            .Select(id => new ActorCount(ActorsById[id].Slug, ActorsById[id].Name, ActorsById[id].Kind, counts.GetValueOrDefault(id)))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>An actor's events by type (most first), and the earliest and latest start; no dates without events.</summary>
    public (List<TypeCount> Types, DateOnly? First, DateOnly? Last) ActorEvents(int actorId)
    {
        var counts = new int[EventTypes.All.Count];
        int? first = null;
        int? last = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (Array.IndexOf(links, actorId, linkStarts[i], linkStarts[i + 1] - linkStarts[i]) >= 0)
            {
                counts[types[i]]++;
                first = first is { } f && f <= starts[i] ? f : starts[i];
                last = last is { } l && l >= starts[i] ? l : starts[i];
            }
        }
        var typeCounts = counts.Select((count, t) => new TypeCount((EventType)t, count)).Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Type).ToList();
        return (typeCounts, first is { } a ? DateOnly.FromDayNumber(a) : null, last is { } b ? DateOnly.FromDayNumber(b) : null);
    }

    private ActorStat[]? actorStats;

    /// <summary>
    /// Every actor with its event count and first and last event start, most events first: one pass over the links,
    /// kept with this index (it changes only with the data), so the actor index pages sort and page in memory.
    /// </summary>
    public IReadOnlyList<ActorStat> ActorStats() => LazyInitializer.EnsureInitialized(ref actorStats, () =>
    {
        var stats = new Dictionary<int, (int Count, int First, int Last)>(ActorsById.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            for (var l = linkStarts[i]; l < linkStarts[i + 1]; l++)
            {
                var (count, first, last) = stats.GetValueOrDefault(links[l], (0, int.MaxValue, int.MinValue));
                stats[links[l]] = (count + 1, Math.Min(first, starts[i]), Math.Max(last, starts[i]));
            }
        }
        return ActorsById.Select(a => stats.TryGetValue(a.Key, out var s)
                ? new ActorStat(a.Key, a.Value, s.Count, DateOnly.FromDayNumber(s.First), DateOnly.FromDayNumber(s.Last))
                : new ActorStat(a.Key, a.Value, 0, null, null))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Actor.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    });

    /// <summary>The positions of <paramref name="positions"/> whose event involves at least one of <paramref name="actorIds"/>.</summary>
    public int[] AnyOf(int[] positions, IReadOnlyList<int> actorIds)
    {
        var kept = new List<int>();
        foreach (var i in positions)
        {
            for (var l = linkStarts[i]; l < linkStarts[i + 1]; l++)
            {
                if (actorIds.Contains(links[l]))
                {
                    kept.Add(i);
                    break;
                }
            }
        }
        return [.. kept];
    }

    /// <summary>
    /// As <see cref="Bin"/> with one lane per actor of <paramref name="laneActors"/> (in that order): an event is counted
    /// and drawn in the lane of each of them it involves.
    /// </summary>
    public AxisBinning BinByActor(int[] positions, AxisScale scale, TimeAxisRequest request, IReadOnlyList<int> laneActors)
    {
        var counts = new int[Math.Max(1, laneActors.Count), scale.Bins];
        IEnumerable<int> LanesOf(int i)
        {
            for (var l = linkStarts[i]; l < linkStarts[i + 1]; l++)
            {
                var lane = IndexOf(laneActors, links[l]);
                if (lane >= 0)
                {
                    yield return lane;
                }
            }
        }
        foreach (var i in positions)
        {
            foreach (var lane in LanesOf(i))
            {
                counts[lane, scale.BinOf(starts[i])]++;
            }
        }
        var shown = new List<(int, int)>();
        var perBin = Math.Max(0, request.PerBin);
        foreach (var i in positions)
        {
            foreach (var lane in LanesOf(i))
            {
                if (counts[lane, scale.BinOf(starts[i])] <= perBin)
                {
                    shown.Add((i, lane));
                }
            }
        }
        return new AxisBinning([.. laneActors.Select(_ => -1)], counts, shown) { LaneActors = [.. laneActors] };
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The first start and last end among <paramref name="positions"/>, as day numbers; null when empty.</summary>
    public (int First, int Last)? Extent(int[] positions)
    {
        if (positions.Length == 0)
        {
            return null;
        }
        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (var i in positions)
        {
            first = Math.Min(first, starts[i]);
            last = Math.Max(last, ends[i]);
        }
        return (first, last);
    }

    /// <summary>
    /// Counts <paramref name="positions"/> (events overlapping the scale's view) per lane and slice, an event in the slice
    /// of its start (the first slice when it starts before the view), and lists the events of slices with at most
    /// <see cref="TimeAxisRequest.PerBin"/> events: two passes over the positions.
    /// </summary>
    public AxisBinning Bin(int[] positions, AxisScale scale, TimeAxisRequest request)
    {
        var bins = scale.Bins;
        var laneOfType = new int[EventTypes.All.Count];
        int[] laneTypes;
        if (request.LanesByType)
        {
            var perType = new int[EventTypes.All.Count];
            foreach (var i in positions)
            {
                perType[types[i]]++;
            }
            laneTypes = Enumerable.Range(0, perType.Length).Where(t => perType[t] > 0).ToArray();
            for (var lane = 0; lane < laneTypes.Length; lane++)
            {
                laneOfType[laneTypes[lane]] = lane;
            }
        }
        else
        {
            laneTypes = [-1];
        }
        int BinOf(int i) => scale.BinOf(starts[i]);
        var counts = new int[Math.Max(1, laneTypes.Length), bins];
        foreach (var i in positions)
        {
            counts[laneOfType[types[i]], BinOf(i)]++;
        }
        var shown = new List<(int, int)>();
        var perBin = Math.Max(0, request.PerBin);
        foreach (var i in positions)
        {
            var lane = laneOfType[types[i]];
            if (counts[lane, BinOf(i)] <= perBin)
            {
                shown.Add((i, lane));
            }
        }
        return new AxisBinning(laneTypes, counts, shown);
    }

    private bool HasAll(int position, List<int> wanted)
    {
        foreach (var actor in wanted)
        {
            if (Array.IndexOf(links, actor, linkStarts[position], linkStarts[position + 1] - linkStarts[position]) < 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The type and date tests of a filter, as day numbers and a type table.</summary>
    private readonly struct Test
    {
        private readonly bool[]? typeSet;
        private readonly int from;
        private readonly int to;

        public Test(TimelineFilter filter)
        {
            if (filter.Types.Count > 0)
            {
                typeSet = new bool[EventTypes.All.Count];
                foreach (var t in filter.Types)
                {
                    typeSet[(int)t] = true;
                }
            }
            from = filter.From?.DayNumber ?? int.MinValue;
            to = filter.To?.DayNumber ?? int.MaxValue;
        }

        public bool Type(byte type) => typeSet is null || typeSet[type];

        public bool Dates(int start, int end) => end >= from && start <= to;
    }
}
