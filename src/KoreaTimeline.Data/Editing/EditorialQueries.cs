using System.Text.Json;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Editing;

/// <summary>One change in an event's history.</summary>
public sealed record HistoryEntry(long Id, int EventId, DateTimeOffset At, string By, string Field, string? Before, string? After, string? Note);

/// <summary>A hidden event: its id, what it was, and who hid it when.</summary>
public sealed record HiddenEvent(int Id, string Title, string Slug, DateTimeOffset HiddenAt);

/// <summary>What editors added to the public event: its note and its history.</summary>
public sealed record EventEditorial(string? Note, IReadOnlyList<HistoryEntry> History);

/// <summary>
/// A recent change with the event it now belongs to (after merges and splits: the live event its id redirects to):
/// its id, title, slug, type, dates and actor slugs, so a feed can link it and keep only the changes of a view.
/// </summary>
public sealed record RecentChange(HistoryEntry Entry, int EventId, string Title, string Slug, EventType Type, DateOnly Start, DateOnly End, IReadOnlyList<string> ActorSlugs);

/// <summary>Read-side of editing: an event's note and history, hidden events. Each call uses its own context.</summary>
public sealed class EditorialQueries(IDbContextFactory<TimelineDbContext> contextFactory)
{
    /// <summary>
    /// The event's note and its history, newest first: the changes made under this id and under the ids that now
    /// redirect to it (an event merged into it, a hidden event shown again under a new id).
    /// </summary>
    public async Task<EventEditorial> GetEditorialAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.EventCorrections.AsNoTracking()
            .Where(c => c.EventId == eventId && c.Field == CorrectionFields.Note).Select(c => c.Value).SingleOrDefaultAsync(cancellationToken);
        return new EventEditorial(note is null ? null : JsonSerializer.Deserialize<string>(note, CorrectionFields.Json), await HistoryAsync(db, eventId, cancellationToken));
    }

    /// <summary>The event's history alone (see <see cref="GetEditorialAsync"/>).</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await HistoryAsync(db, eventId, cancellationToken);
    }

    /// <summary>A hidden event by its id, or null when the id is not hidden.</summary>
    public async Task<HiddenEvent?> GetHiddenAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.EventCorrections.AsNoTracking().Where(c => c.EventId == eventId && c.Field == CorrectionFields.Hidden)
            .Select(c => new { c.EventId, c.Value, c.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var value = JsonSerializer.Deserialize<HiddenValue>(row.Value, CorrectionFields.Json)!;
        return new HiddenEvent(row.EventId, value.Title, value.Slug, row.UpdatedAt);
    }

    /// <summary>
    /// The latest <paramref name="limit"/> changes, newest first, of events that still exist (a change of a hidden event
    /// has no page to show it on), each with the event it now belongs to; <paramref name="keep"/> filters them by that
    /// event before the limit applies. At most <paramref name="scan"/> latest changes are read.
    /// </summary>
    public async Task<IReadOnlyList<RecentChange>> GetRecentChangesAsync(int limit, Func<RecentChange, bool>? keep = null, int scan = 2000,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(scan)
            .Select(a => new HistoryEntry(a.Id, a.EventId, a.At, a.UserName, a.Field, a.Before, a.After, a.Note))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.EventId).Distinct().ToList();
        var aliases = await db.EventAliases.AsNoTracking().Where(a => ids.Contains(a.OldId)).ToDictionaryAsync(a => a.OldId, a => a.EventId, cancellationToken);
        var current = ids.Select(id => aliases.GetValueOrDefault(id, id)).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => current.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, Actors = e.Actors.Select(a => a.Actor.Slug).ToList() })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var result = new List<RecentChange>();
        foreach (var row in rows)
        {
            if (!events.TryGetValue(aliases.GetValueOrDefault(row.EventId, row.EventId), out var e))
            {
                continue;
            }
            var change = new RecentChange(row, e.Id, e.Title, e.Slug, e.Type, e.Start, e.End, e.Actors);
            if (keep is null || keep(change))
            {
                result.Add(change);
                if (result.Count == limit)
                {
                    break;
                }
            }
        }
        return result;
    }

    private static async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(TimelineDbContext db, int eventId, CancellationToken cancellationToken)
    {
        var ids = await db.EventAliases.AsNoTracking().Where(a => a.EventId == eventId).Select(a => a.OldId).ToListAsync(cancellationToken);
        ids.Add(eventId);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.EventId))
            .OrderByDescending(a => a.Id)
            .Select(a => new HistoryEntry(a.Id, a.EventId, a.At, a.UserName, a.Field, a.Before, a.After, a.Note))
            .Take(500)
            .ToListAsync(cancellationToken);
        return rows;
    }
}
