using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Queries;

/// <summary>
/// The few columns the filter counts need (type, interval, actors) for every event, held in memory and rebuilt when
/// the data changes, so that counting under any filter is one pass over arrays instead of three grouped SQL queries
/// over the matches. About 50 bytes per event; searches still run in FTS5 and only hand over the matching ids.
/// </summary>
internal sealed class FacetIndex
{
    private FacetIndex(int version0, int version1, int version2, int[] ids, EventType[] types, int[] starts, int[] ends, int[][] actors,
        Dictionary<int, int> positions, Dictionary<int, ActorSummary> actorsById)
    {
        Version = (version0, version1, version2);
        Ids = ids;
        Types = types;
        Starts = starts;
        Ends = ends;
        Actors = actors;
        Positions = positions;
        ActorsById = actorsById;
    }

    /// <summary>Event count, highest event id and link count when the index was read.</summary>
    public (int, int, int) Version { get; }

    private int[] Ids { get; }
    private EventType[] Types { get; }
    private int[] Starts { get; }
    private int[] Ends { get; }
    private int[][] Actors { get; }
    private Dictionary<int, int> Positions { get; }

    /// <summary>Every actor by id.</summary>
    public Dictionary<int, ActorSummary> ActorsById { get; }

    /// <summary>The data version: cheap counts over indexes that change with every import.</summary>
    public static async Task<(int, int, int)> ReadVersionAsync(TimelineDbContext db, CancellationToken cancellationToken) =>
        (await db.Events.CountAsync(cancellationToken),
         await db.Events.MaxAsync(e => (int?)e.Id, cancellationToken) ?? 0,
         await db.EventActors.CountAsync(cancellationToken));

    public static async Task<FacetIndex> LoadAsync(TimelineDbContext db, (int, int, int) version, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Type, e.Start, e.End }).ToListAsync(cancellationToken);
        var links = await db.EventActors.AsNoTracking().Select(ea => new { ea.EventId, ea.ActorId }).ToListAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new ActorSummary(a.Slug, a.Name, a.Kind), cancellationToken);

        var positions = new Dictionary<int, int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            positions[events[i].Id] = i;
        }
        var byEvent = links.Where(l => positions.ContainsKey(l.EventId)).ToLookup(l => l.EventId, l => l.ActorId);
        return new FacetIndex(version.Item1, version.Item2, version.Item3,
            events.Select(e => e.Id).ToArray(),
            events.Select(e => e.Type).ToArray(),
            events.Select(e => e.Start.DayNumber).ToArray(),
            events.Select(e => e.End.DayNumber).ToArray(),
            events.Select(e => byEvent[e.Id].ToArray()).ToArray(),
            positions,
            actors);
    }

    /// <summary>
    /// Counts under <paramref name="filter"/>: types without the type filter, years (of the start) without the date
    /// filter, actors with every filter. <paramref name="matching"/> holds the ids a search matched, null without search.
    /// </summary>
    public TimelineFacets Count(TimelineFilter filter, List<int> actorIds, IReadOnlyCollection<int>? matching, int actorLimit)
    {
        bool[]? searched = null;
        if (matching is not null)
        {
            searched = new bool[Ids.Length];
            foreach (var id in matching)
            {
                if (Positions.TryGetValue(id, out var position))
                {
                    searched[position] = true;
                }
            }
        }
        var typeSet = new bool[EventTypes.All.Count];
        foreach (var t in filter.Types)
        {
            typeSet[(int)t] = true;
        }
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;

        var typeCounts = new int[EventTypes.All.Count];
        var yearCounts = new Dictionary<int, int>();
        var actorCounts = new Dictionary<int, int>();
        for (var i = 0; i < Ids.Length; i++)
        {
            if (searched is not null && !searched[i] || !HasAll(Actors[i], actorIds))
            {
                continue;
            }
            var typeOk = filter.Types.Count == 0 || typeSet[(int)Types[i]];
            var dateOk = Ends[i] >= from && Starts[i] <= to;
            if (dateOk)
            {
                typeCounts[(int)Types[i]]++;
            }
            if (typeOk)
            {
                var year = DateOnly.FromDayNumber(Starts[i]).Year;
                yearCounts[year] = yearCounts.GetValueOrDefault(year) + 1;
            }
            if (typeOk && dateOk)
            {
                foreach (var actor in Actors[i])
                {
                    actorCounts[actor] = actorCounts.GetValueOrDefault(actor) + 1;
                }
            }
        }

        var top = actorCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Math.Clamp(actorLimit, 1, 500)).Select(kv => kv.Key);
        var actors = top.Union(actorIds)
            .Where(ActorsById.ContainsKey)
            .Select(id => (Actor: ActorsById[id], Count: actorCounts.GetValueOrDefault(id)))
            .Select(a => new ActorCount(a.Actor.Slug, a.Actor.Name, a.Actor.Kind, a.Count))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var types = typeCounts.Select((count, t) => new TypeCount((EventType)t, count)).Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Type).ToList();
        var years = yearCounts.OrderBy(kv => kv.Key).Select(kv => new YearCount(kv.Key, kv.Value)).ToList();
        return new TimelineFacets(actors, types, years);
    }

    /// <summary>How many events pass every filter but the search (which the caller counts in FTS5).</summary>
    public int Total(TimelineFilter filter, List<int> actorIds)
    {
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;
        var total = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (Ends[i] >= from && Starts[i] <= to && (filter.Types.Count == 0 || filter.Types.Contains(Types[i])) && HasAll(Actors[i], actorIds))
            {
                total++;
            }
        }
        return total;
    }

    private static bool HasAll(int[] eventActors, List<int> wanted)
    {
        foreach (var actor in wanted)
        {
            if (Array.IndexOf(eventActors, actor) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
