using System.Text.Json;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Editing;

/// <summary>
/// Applies editors' corrections to the stored events. The correction rows are the truth; an event row holds the
/// extraction with its corrections applied, so every reader (pages, search, counts, API, exports) sees the corrected
/// event without knowing about corrections. The importer calls <see cref="ReapplyAsync"/> inside each article's write
/// transaction, after it rewrote the article's events, and <see cref="WithoutHidden"/> before, so a hidden event is never
/// stored again.
/// </summary>
internal static class CorrectionReplay
{
    /// <summary>The quotes of the hidden events that article <paramref name="articleId"/> stated.</summary>
    public static async Task<List<QuoteAnchor>> HiddenAnchorsAsync(TimelineDbContext db, int articleId, CancellationToken cancellationToken)
    {
        if (articleId == 0)
        {
            return [];
        }
        var hidden = await db.EventCorrections.AsNoTracking().Where(c => c.Field == CorrectionFields.Hidden)
            .Select(c => c.Anchors).ToListAsync(cancellationToken);
        return hidden.SelectMany(ParseAnchors).Where(a => a.ArticleId == articleId).ToList();
    }

    /// <summary>
    /// The extracted events without the quotes of hidden events: an event stating only hidden quotes is left out (the
    /// hidden event again); one that also states others keeps those (an event an editor split a hidden event off).
    /// </summary>
    public static List<ExtractedEvent> WithoutHidden(IReadOnlyList<ExtractedEvent> extracted, int articleId, string contentHash, IReadOnlyList<QuoteAnchor> hidden)
    {
        if (hidden.Count == 0)
        {
            return extracted.ToList();
        }
        var kept = new List<ExtractedEvent>(extracted.Count);
        foreach (var e in extracted)
        {
            var visible = e.Evidence.Where(v => !hidden.Any(a => a.Matches(articleId, contentHash, v.Start, v.End, v.Text))).ToList();
            if (visible.Count == e.Evidence.Count)
            {
                kept.Add(e);
            }
            else if (visible.Count > 0)
            {
                kept.Add(e with { Evidence = visible });
            }
        }
        return kept;
    }

    /// <summary>
    /// Re-applies the corrections of the events article <paramref name="articleId"/> now states, of the events in
    /// <paramref name="touched"/>, and of every correction anchored to the article's quotes. A correction whose event
    /// id no longer holds its quotes moves to the event that does; one whose quotes are nowhere waits, kept.
    /// </summary>
    public static async Task ReapplyAsync(TimelineDbContext db, int articleId, IEnumerable<int> touched, CancellationToken cancellationToken)
    {
        var corrections = await db.EventCorrections.Where(c => c.Field != CorrectionFields.Hidden && c.Field != CorrectionFields.Note)
            .ToListAsync(cancellationToken);
        if (corrections.Count == 0)
        {
            return;
        }
        var stated = await db.Evidence.Where(v => v.ArticleId == articleId).Select(v => v.EventId).Distinct().ToListAsync(cancellationToken);
        var touchedIds = touched.Concat(stated).ToHashSet();
        var relevant = corrections
            .Where(c => touchedIds.Contains(c.EventId) || ParseAnchors(c.Anchors).Any(a => a.ArticleId == articleId))
            .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id)
            .ToList();
        if (relevant.Count == 0)
        {
            return;
        }
        var ids = touchedIds.Concat(relevant.Select(c => c.EventId)).Distinct().ToList();
        var events = await LoadAsync(db, ids, cancellationToken);
        var hashes = await ArticleHashesAsync(db, events, cancellationToken);
        foreach (var correction in relevant)
        {
            if (correction.Field == CorrectionFields.Split)
            {
                await ResplitAsync(db, correction, events, hashes, cancellationToken);
                continue;
            }
            var anchors = ParseAnchors(correction.Anchors);
            var live = events.FirstOrDefault(e => e.Id == correction.EventId);
            var holder = events
                .Select(e => (Event: e, Shared: Shared(e, anchors, hashes)))
                .Where(x => x.Shared > 0)
                .OrderByDescending(x => x.Event.Id == correction.EventId).ThenByDescending(x => x.Shared).ThenBy(x => x.Event.Id)
                .Select(x => x.Event)
                .FirstOrDefault();
            // The event holding its quotes; else the event that kept its id (the importer matched it by type and date).
            var target = holder ?? live;
            if (target is null)
            {
                continue; // Its quotes are gone for now; the correction waits for them.
            }
            if (target.Id != correction.EventId)
            {
                var taken = relevant.Any(c => c != correction && c.EventId == target.Id && c.Field == correction.Field)
                    || await db.EventCorrections.AnyAsync(c => c.EventId == target.Id && c.Field == correction.Field && c.Id != correction.Id, cancellationToken);
                if (taken)
                {
                    continue; // The event already carries its own correction of this field, which wins.
                }
                correction.EventId = target.Id;
            }
            if (correction.Field == CorrectionFields.Merge)
            {
                await AbsorbAsync(db, target, correction, events, hashes, cancellationToken);
            }
            else
            {
                await ApplyAsync(db, target, correction, cancellationToken);
            }
            correction.Anchors = SerializeAnchors(AnchorsOf(target, hashes));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An event merged into <paramref name="target"/> that a re-import stated again (it holds one of the merged quotes)
    /// is merged again: its quotes and actors move to the target, it is removed, and its id redirects to the target.
    /// </summary>
    private static async Task AbsorbAsync(TimelineDbContext db, Event target, EventCorrection correction, List<Event> events,
        IReadOnlyDictionary<int, string> hashes, CancellationToken cancellationToken)
    {
        var merged = JsonSerializer.Deserialize<MergeValue>(correction.Value, CorrectionFields.Json)?.Quotes ?? [];
        foreach (var other in events.Where(e => e != target && Shared(e, merged.ToList(), hashes) > 0).ToList())
        {
            MoveInto(target, other);
            db.Events.Remove(other);
            events.Remove(other);
            await db.SaveChangesAsync(cancellationToken);
            await Import.ArticleImporter.RecordAliasAsync(db, other.Id, target.Id, cancellationToken);
        }
    }

    /// <summary>
    /// An event split off another keeps its quotes: those that a re-import put into another event move back to it. When
    /// the re-import removed it, it comes back under its own id (its permalink's alias to a successor goes) with the
    /// fields it was split with; its later corrections, applied after this one, follow. An event left without quotes
    /// is removed and redirects to it.
    /// </summary>
    private static async Task ResplitAsync(TimelineDbContext db, EventCorrection correction, List<Event> events,
        IReadOnlyDictionary<int, string> hashes, CancellationToken cancellationToken)
    {
        var value = JsonSerializer.Deserialize<SplitValue>(correction.Value, CorrectionFields.Json)!;
        bool Chosen(Evidence v) => value.Quotes.Any(a => a.Matches(v.ArticleId, hashes.GetValueOrDefault(v.ArticleId, ""), v.Start, v.End, v.Text));
        var elsewhere = events.Where(e => e.Id != correction.EventId).SelectMany(e => e.Evidence.Where(Chosen).Select(v => (Event: e, Quote: v))).ToList();
        var target = events.FirstOrDefault(e => e.Id == correction.EventId)
            ?? (await LoadAsync(db, [correction.EventId], cancellationToken)).SingleOrDefault();
        if (target is null)
        {
            if (elsewhere.Count == 0)
            {
                return; // Its quotes are gone for now; the split waits for them.
            }
            target = new Event
            {
                Id = correction.EventId,
                Title = value.Title,
                Slug = Slugs.From(value.Title),
                Type = EventTypes.TryParse(value.Type, out var type) ? type : EventType.Other,
                Start = value.Start,
                End = value.End,
                Precision = DatePrecisions.TryParse(value.Precision, out var precision) ? precision : DatePrecision.Day,
                Timex = value.Timex,
                DateText = value.DateText,
                Location = value.Location,
                Confidence = value.Confidence,
            };
            foreach (var actor in value.Actors)
            {
                target.Actors.Add(new EventActor { Actor = await FindOrCreateActorAsync(db, actor, cancellationToken) });
            }
            db.Events.Add(target);
            await db.EventAliases.Where(a => a.OldId == correction.EventId).ExecuteDeleteAsync(cancellationToken);
            foreach (var stale in db.ChangeTracker.Entries<EventAlias>().Where(a => a.Entity.OldId == correction.EventId).ToList())
            {
                stale.State = EntityState.Detached;
            }
        }
        if (!events.Contains(target))
        {
            events.Add(target);
        }
        foreach (var (holder, quote) in elsewhere)
        {
            holder.Evidence.Remove(quote);
            quote.Event = target;
            target.Evidence.Add(quote);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var emptied in elsewhere.Select(x => x.Event).Distinct().Where(e => e.Evidence.Count == 0).ToList())
        {
            db.Events.Remove(emptied);
            events.Remove(emptied);
            await db.SaveChangesAsync(cancellationToken);
            await Import.ArticleImporter.RecordAliasAsync(db, emptied.Id, target.Id, cancellationToken);
        }
        correction.Anchors = SerializeAnchors(AnchorsOf(target, hashes));
    }

    /// <summary>Moves the quotes and the actors of <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static void MoveInto(Event target, Event source)
    {
        foreach (var quote in source.Evidence.ToList())
        {
            quote.Event = target;
            quote.EventId = target.Id;
            target.Evidence.Add(quote);
        }
        source.Evidence.Clear();
        foreach (var link in source.Actors.Where(a => target.Actors.All(t => t.Actor.Slug != a.Actor.Slug)).ToList())
        {
            target.Actors.Add(new EventActor { Actor = link.Actor });
        }
    }

    /// <summary>Events by id with their actors and quotes (tracked).</summary>
    public static Task<List<Event>> LoadAsync(TimelineDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Events.Where(e => ids.Contains(e.Id))
            .Include(e => e.Actors).ThenInclude(a => a.Actor)
            .Include(e => e.Evidence)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    /// <summary>The content hash of every article quoted by <paramref name="events"/>.</summary>
    public static async Task<Dictionary<int, string>> ArticleHashesAsync(TimelineDbContext db, IEnumerable<Event> events, CancellationToken cancellationToken)
    {
        var articleIds = events.SelectMany(e => e.Evidence).Select(v => v.ArticleId).Distinct().ToList();
        return await db.Articles.Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ContentHash, cancellationToken);
    }

    /// <summary>The event's quotes as anchors.</summary>
    public static List<QuoteAnchor> AnchorsOf(Event e, IReadOnlyDictionary<int, string> hashes) =>
        e.Evidence.Select(v => new QuoteAnchor(v.ArticleId, hashes.GetValueOrDefault(v.ArticleId, ""), v.Start, v.End, v.Text)).ToList();

    private static int Shared(Event e, List<QuoteAnchor> anchors, IReadOnlyDictionary<int, string> hashes) =>
        e.Evidence.Count(v => anchors.Any(a => a.Matches(v.ArticleId, hashes.GetValueOrDefault(v.ArticleId, ""), v.Start, v.End, v.Text)));

    /// <summary>Writes the correction's value into the event row (and its actor links).</summary>
    public static async Task ApplyAsync(TimelineDbContext db, Event target, EventCorrection correction, CancellationToken cancellationToken)
    {
        switch (correction.Field)
        {
            case CorrectionFields.Date:
                var date = JsonSerializer.Deserialize<DateValue>(correction.Value, CorrectionFields.Json)!;
                target.Start = date.Start;
                target.End = date.End;
                target.Precision = DatePrecisions.TryParse(date.Precision, out var precision) ? precision : DatePrecision.Day;
                break;
            case CorrectionFields.Type:
                var type = JsonSerializer.Deserialize<string>(correction.Value, CorrectionFields.Json);
                if (EventTypes.TryParse(type, out var parsed))
                {
                    target.Type = parsed;
                }
                break;
            case CorrectionFields.Location:
                target.Location = JsonSerializer.Deserialize<string?>(correction.Value, CorrectionFields.Json);
                break;
            case CorrectionFields.Headline:
                var title = JsonSerializer.Deserialize<string>(correction.Value, CorrectionFields.Json) ?? target.Title;
                target.Title = title;
                target.Slug = Slugs.From(title);
                break;
            case CorrectionFields.Actors:
                var actors = JsonSerializer.Deserialize<ActorsValue>(correction.Value, CorrectionFields.Json) ?? ActorsValue.Empty;
                target.Actors.RemoveAll(link => actors.Remove.Contains(link.Actor.Slug));
                foreach (var wanted in actors.Add.Where(a => target.Actors.All(link => link.Actor.Slug != a.Slug)))
                {
                    target.Actors.Add(new EventActor { Actor = await FindOrCreateActorAsync(db, wanted, cancellationToken) });
                }
                break;
        }
    }

    /// <summary>The actor with the slug, or a new one (saved with the next <c>SaveChanges</c>).</summary>
    public static async Task<Actor> FindOrCreateActorAsync(TimelineDbContext db, ActorRef wanted, CancellationToken cancellationToken) =>
        db.Actors.Local.FirstOrDefault(a => a.Slug == wanted.Slug)
        ?? await db.Actors.FirstOrDefaultAsync(a => a.Slug == wanted.Slug, cancellationToken)
        ?? db.Actors.Add(new Actor { Slug = wanted.Slug, Name = wanted.Name, Kind = wanted.Kind }).Entity;

    public static List<QuoteAnchor> ParseAnchors(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<QuoteAnchor>>(json, CorrectionFields.Json) ?? [];

    public static string SerializeAnchors(IEnumerable<QuoteAnchor> anchors) => JsonSerializer.Serialize(anchors, CorrectionFields.Json);
}
