using System.Globalization;
using System.Text.Json;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Editing;

/// <summary>Who makes a change: the account id and the name its history shows.</summary>
public sealed record EditorIdentity(string UserId, string Name);

/// <summary>How an edit ended.</summary>
public enum EditStatus
{
    Done,
    NotFound,
    Invalid,
}

/// <summary>The outcome of an edit: done (with the event's current id and slug), not found, or invalid with a message.</summary>
public sealed record EditResult(EditStatus Status, string? Message = null, int EventId = 0, string? Slug = null)
{
    public bool Succeeded => Status == EditStatus.Done;

    public static EditResult NotFound(int id) => new(EditStatus.NotFound, $"There is no event {id}.", id);

    public static EditResult Invalid(string message) => new(EditStatus.Invalid, message);
}

/// <summary>
/// Editors' corrections of events. Each stores an override (<see cref="EventCorrection"/>, re-applied after every
/// re-import and <c>reextract</c>), writes it into the event at once, and records an <see cref="AuditEntry"/>, all in
/// one transaction. Input is validated here; failures are values with a message for the form.
/// </summary>
public sealed partial class EventEditor(
    IDbContextFactory<TimelineDbContext> contextFactory,
    ArticleImporter importer,
    TimelineChanges changes,
    ILogger<EventEditor> logger)
{
    /// <summary>The longest headline, place and note accepted.</summary>
    public const int MaxHeadline = 300, MaxLocation = 200, MaxNote = 2000, MaxActorName = 200;

    /// <summary>Actor kinds an editor can give a new actor.</summary>
    public static IReadOnlyList<string> ActorKinds { get; } = ["country", "person", "organization", "military_unit", "vessel", "other"];

    /// <summary>Sets the date interval and its precision.</summary>
    public Task<EditResult> CorrectDateAsync(int eventId, DateOnly start, DateOnly end, DatePrecision precision, EditorIdentity editor,
        string? note = null, CancellationToken cancellationToken = default)
    {
        if (end < start)
        {
            return Task.FromResult(EditResult.Invalid("The end date is before the start date."));
        }
        if (start.Year < 1800 || end.Year > 2200)
        {
            return Task.FromResult(EditResult.Invalid("Dates must lie between the years 1800 and 2200."));
        }
        var value = new DateValue(start, end, precision.Id());
        return EditAsync(eventId, CorrectionFields.Date, editor, note, (_, _, _) => Task.FromResult<string?>(Serialize(value)), cancellationToken);
    }

    /// <summary>Sets the event type.</summary>
    public Task<EditResult> CorrectTypeAsync(int eventId, string typeId, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default) =>
        EventTypes.TryParse(typeId, out var type)
            ? EditAsync(eventId, CorrectionFields.Type, editor, note, (_, _, _) => Task.FromResult<string?>(Serialize(type.Id())), cancellationToken)
            : Task.FromResult(EditResult.Invalid($"'{typeId}' is not an event type."));

    /// <summary>Sets the place, or clears it with an empty one.</summary>
    public Task<EditResult> CorrectLocationAsync(int eventId, string? location, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default)
    {
        var cleaned = Clean(location);
        if (cleaned?.Length > MaxLocation)
        {
            return Task.FromResult(EditResult.Invalid($"The location is longer than {MaxLocation} characters."));
        }
        return EditAsync(eventId, CorrectionFields.Location, editor, note, (_, _, _) => Task.FromResult<string?>(Serialize(cleaned)), cancellationToken);
    }

    /// <summary>Sets the headline; the permalink's slug follows it (the old slug still finds the event).</summary>
    public Task<EditResult> CorrectHeadlineAsync(int eventId, string? headline, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default)
    {
        var cleaned = Clean(headline);
        if (cleaned is null)
        {
            return Task.FromResult(EditResult.Invalid("The headline is empty."));
        }
        if (cleaned.Length > MaxHeadline)
        {
            return Task.FromResult(EditResult.Invalid($"The headline is longer than {MaxHeadline} characters."));
        }
        if (!cleaned.Any(char.IsLetterOrDigit))
        {
            return Task.FromResult(EditResult.Invalid("The headline needs letters or digits."));
        }
        return EditAsync(eventId, CorrectionFields.Headline, editor, note, (_, _, _) => Task.FromResult<string?>(Serialize(cleaned)), cancellationToken);
    }

    /// <summary>
    /// Adds an actor: one the timeline already has (by name or slug), else one the gazetteer knows (its canonical name
    /// and kind), else a new one of <paramref name="kind"/>.
    /// </summary>
    public Task<EditResult> AddActorAsync(int eventId, string? name, string? kind, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default)
    {
        var cleaned = Clean(name);
        if (cleaned is null || !cleaned.Any(char.IsLetterOrDigit))
        {
            return Task.FromResult(EditResult.Invalid("Give the actor's name."));
        }
        if (cleaned.Length > MaxActorName)
        {
            return Task.FromResult(EditResult.Invalid($"The actor's name is longer than {MaxActorName} characters."));
        }
        if (kind is not null && !ActorKinds.Contains(kind))
        {
            return Task.FromResult(EditResult.Invalid($"'{kind}' is not an actor kind ({string.Join(", ", ActorKinds)})."));
        }
        return EditAsync(eventId, CorrectionFields.Actors, editor, note, async (db, e, existing) =>
        {
            var actor = await ResolveActorAsync(db, cleaned, kind, cancellationToken);
            if (actor is null)
            {
                return null;
            }
            if (e.Actors.Any(a => a.Actor.Slug == actor.Slug))
            {
                throw new EditRejectedException($"{actor.Name} is already an actor of this event.");
            }
            var value = Parse<ActorsValue>(existing) ?? ActorsValue.Empty;
            return Serialize(new ActorsValue(
                value.Add.Where(a => a.Slug != actor.Slug).Append(actor).ToList(),
                value.Remove.Where(s => s != actor.Slug).ToList()));
        }, cancellationToken, missingMessage: "The timeline has no actor of that name and the gazetteer knows none: choose a kind to create it.");
    }

    /// <summary>Removes an actor (by slug) from the event.</summary>
    public Task<EditResult> RemoveActorAsync(int eventId, string? slug, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default) =>
        EditAsync(eventId, CorrectionFields.Actors, editor, note, (_, e, existing) =>
        {
            if (string.IsNullOrEmpty(slug) || e.Actors.All(a => a.Actor.Slug != slug))
            {
                throw new EditRejectedException("That actor is not an actor of this event.");
            }
            var value = Parse<ActorsValue>(existing) ?? ActorsValue.Empty;
            return Task.FromResult<string?>(Serialize(new ActorsValue(
                value.Add.Where(a => a.Slug != slug).ToList(),
                value.Remove.Where(s => s != slug).Append(slug).ToList())));
        }, cancellationToken);

    /// <summary>Attaches a note to the event (shown on its page); an empty note removes it.</summary>
    public async Task<EditResult> SetNoteAsync(int eventId, string? text, EditorIdentity editor, CancellationToken cancellationToken = default)
    {
        var cleaned = Clean(text);
        if (cleaned?.Length > MaxNote)
        {
            return EditResult.Invalid($"The note is longer than {MaxNote} characters.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId).Select(x => new { x.Id, x.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (e is null)
        {
            return EditResult.NotFound(eventId);
        }
        var correction = await db.EventCorrections.SingleOrDefaultAsync(c => c.EventId == eventId && c.Field == CorrectionFields.Note, cancellationToken);
        var before = correction is null ? null : Parse<string>(correction.Value);
        if (before == cleaned)
        {
            return EditResult.Invalid(cleaned is null ? "The event has no note." : "The note is unchanged.");
        }
        var now = DateTimeOffset.UtcNow;
        if (cleaned is null)
        {
            db.EventCorrections.Remove(correction!);
        }
        else if (correction is null)
        {
            db.EventCorrections.Add(new EventCorrection
            {
                EventId = eventId, Field = CorrectionFields.Note, Value = Serialize(cleaned), Anchors = "[]", UserId = editor.UserId, CreatedAt = now, UpdatedAt = now,
            });
        }
        else
        {
            correction.Value = Serialize(cleaned);
            correction.UserId = editor.UserId;
            correction.UpdatedAt = now;
        }
        db.AuditEntries.Add(Audit(eventId, editor, CorrectionFields.Note, before, cleaned, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Editor} set the note of event {EventId}", editor.Name, eventId);
        return new EditResult(EditStatus.Done, EventId: eventId, Slug: e.Slug);
    }

    /// <summary>
    /// Merges event <paramref name="sourceId"/> into <paramref name="targetId"/>: the target keeps its fields and gains the
    /// source's quotes and actors; the source's permalink redirects to the target (alias), and a re-import that states
    /// the source's quotes again merges them again.
    /// </summary>
    public async Task<EditResult> MergeAsync(int targetId, int sourceId, EditorIdentity editor, string? note = null, CancellationToken cancellationToken = default)
    {
        if (targetId == sourceId)
        {
            return EditResult.Invalid("An event cannot be merged into itself.");
        }
        var cleanedNote = Clean(note);
        if (cleanedNote?.Length > MaxNote)
        {
            return EditResult.Invalid($"The note is longer than {MaxNote} characters.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        EditResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var both = await CorrectionReplay.LoadAsync(db, [targetId, sourceId], cancellationToken);
            var target = both.SingleOrDefault(e => e.Id == targetId);
            var source = both.SingleOrDefault(e => e.Id == sourceId);
            if (target is null)
            {
                return EditResult.NotFound(targetId);
            }
            if (source is null)
            {
                return EditResult.Invalid($"There is no event {sourceId} to merge.");
            }
            var hashes = await CorrectionReplay.ArticleHashesAsync(db, both, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var correction = await db.EventCorrections.SingleOrDefaultAsync(c => c.EventId == targetId && c.Field == CorrectionFields.Merge, cancellationToken);
            var merged = (correction is null ? [] : Parse<MergeValue>(correction.Value)?.Quotes ?? []).Concat(CorrectionReplay.AnchorsOf(source, hashes)).ToList();
            correction ??= db.EventCorrections.Add(new EventCorrection
            {
                EventId = targetId, Field = CorrectionFields.Merge, Value = "", Anchors = "[]", UserId = editor.UserId, CreatedAt = now,
            }).Entity;
            correction.Value = Serialize(new MergeValue(merged));
            correction.UserId = editor.UserId;
            correction.UpdatedAt = now;
            var before = $"event {sourceId}: {source.Title}";
            CorrectionReplay.MoveInto(target, source);
            correction.Anchors = CorrectionReplay.SerializeAnchors(CorrectionReplay.AnchorsOf(target, hashes));
            db.Events.Remove(source);
            db.AuditEntries.Add(Audit(targetId, editor, CorrectionFields.Merge, before, $"merged into event {targetId}", cleanedNote, now));
            await db.SaveChangesAsync(cancellationToken);
            await ArticleImporter.RecordAliasAsync(db, sourceId, targetId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new EditResult(EditStatus.Done, EventId: targetId, Slug: target.Slug);
        }
        logger.LogInformation("{Editor} merged event {SourceId} into {TargetId}", editor.Name, sourceId, targetId);
        changes.NotifyChanged();
        return result;
    }

    /// <summary>
    /// Hides a spurious event: its row, quotes and links go (its permalink answers 404), the correction keeps its quotes,
    /// and the importer never stores an event stating them again. <see cref="UnhideAsync"/> brings it back.
    /// </summary>
    public async Task<EditResult> HideAsync(int eventId, EditorIdentity editor, string? reason, CancellationToken cancellationToken = default)
    {
        var note = Clean(reason);
        if (note?.Length > MaxNote)
        {
            return EditResult.Invalid($"The reason is longer than {MaxNote} characters.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var e = (await CorrectionReplay.LoadAsync(db, [eventId], cancellationToken)).SingleOrDefault();
            if (e is null)
            {
                return EditResult.NotFound(eventId);
            }
            var hashes = await CorrectionReplay.ArticleHashesAsync(db, [e], cancellationToken);
            var now = DateTimeOffset.UtcNow;
            db.EventCorrections.Add(new EventCorrection
            {
                EventId = eventId,
                Field = CorrectionFields.Hidden,
                Value = Serialize(new HiddenValue(e.Title, e.Slug)),
                Anchors = CorrectionReplay.SerializeAnchors(CorrectionReplay.AnchorsOf(e, hashes)),
                UserId = editor.UserId,
                CreatedAt = now,
                UpdatedAt = now,
            });
            db.AuditEntries.Add(Audit(eventId, editor, CorrectionFields.Hidden, "visible", "hidden", note, now));
            db.Events.Remove(e);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("{Editor} hid event {EventId}", editor.Name, eventId);
        }
        changes.NotifyChanged();
        return new EditResult(EditStatus.Done, EventId: eventId);
    }

    /// <summary>
    /// Shows a hidden event again: the articles that stated it are re-extracted, and its old id redirects to the event
    /// they give (which carries the event's other corrections and its history).
    /// </summary>
    public async Task<EditResult> UnhideAsync(int eventId, EditorIdentity editor, string? reason, CancellationToken cancellationToken = default)
    {
        List<QuoteAnchor> anchors;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var hidden = await db.EventCorrections.SingleOrDefaultAsync(c => c.EventId == eventId && c.Field == CorrectionFields.Hidden, cancellationToken);
            if (hidden is null)
            {
                return EditResult.NotFound(eventId);
            }
            anchors = CorrectionReplay.ParseAnchors(hidden.Anchors);
            db.EventCorrections.Remove(hidden);
            db.AuditEntries.Add(Audit(eventId, editor, CorrectionFields.Hidden, "hidden", "visible", Clean(reason), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await importer.ReextractArticlesAsync(anchors.Select(a => a.ArticleId).Distinct().ToList(), cancellationToken);

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var articleIds = anchors.Select(a => a.ArticleId).Distinct().ToList();
            var quotes = await db.Evidence.AsNoTracking().Where(v => articleIds.Contains(v.ArticleId))
                .Select(v => new { v.EventId, v.ArticleId, v.Article.ContentHash, v.Start, v.End, v.Text, v.Event.Slug }).ToListAsync(cancellationToken);
            var back = quotes.FirstOrDefault(q => anchors.Any(a => a.Matches(q.ArticleId, q.ContentHash, q.Start, q.End, q.Text)));
            logger.LogInformation("{Editor} showed hidden event {EventId} again (now {NewId})", editor.Name, eventId, back?.EventId);
            if (back is null)
            {
                return new EditResult(EditStatus.Done, "The event is no longer hidden, but the current extractor does not find it in its articles.", eventId);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ArticleImporter.RecordAliasAsync(db, eventId, back.EventId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new EditResult(EditStatus.Done, EventId: back.EventId, Slug: back.Slug);
        }
    }

    /// <summary>
    /// The shape of every field correction: load the event, compute the new value from the stored one, write the
    /// correction, apply it, and audit the readable value before and after.
    /// </summary>
    private async Task<EditResult> EditAsync(int eventId, string field, EditorIdentity editor, string? note,
        Func<TimelineDbContext, Event, string?, Task<string?>> newValue, CancellationToken cancellationToken, string? missingMessage = null)
    {
        var cleanedNote = Clean(note);
        if (cleanedNote?.Length > MaxNote)
        {
            return EditResult.Invalid($"The note is longer than {MaxNote} characters.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        EditResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var e = (await CorrectionReplay.LoadAsync(db, [eventId], cancellationToken)).SingleOrDefault();
            if (e is null)
            {
                return EditResult.NotFound(eventId);
            }
            var correction = await db.EventCorrections.SingleOrDefaultAsync(c => c.EventId == eventId && c.Field == field, cancellationToken);
            string? value;
            try
            {
                value = await newValue(db, e, correction?.Value);
            }
            catch (EditRejectedException rejected)
            {
                return EditResult.Invalid(rejected.Message);
            }
            if (value is null)
            {
                return EditResult.Invalid(missingMessage ?? "Nothing to change.");
            }
            var before = Describe(field, e);
            var now = DateTimeOffset.UtcNow;
            var hashes = await CorrectionReplay.ArticleHashesAsync(db, [e], cancellationToken);
            if (correction is null)
            {
                correction = db.EventCorrections.Add(new EventCorrection
                {
                    EventId = eventId, Field = field, Value = value, Anchors = "[]", UserId = editor.UserId, CreatedAt = now,
                }).Entity;
            }
            correction.Value = value;
            correction.UserId = editor.UserId;
            correction.UpdatedAt = now;
            correction.Anchors = CorrectionReplay.SerializeAnchors(CorrectionReplay.AnchorsOf(e, hashes));
            await CorrectionReplay.ApplyAsync(db, e, correction, cancellationToken);
            var after = Describe(field, e);
            if (before == after)
            {
                return EditResult.Invalid($"That is already the event's {FieldLabel(field)}.");
            }
            db.AuditEntries.Add(Audit(eventId, editor, field, before, after, cleanedNote, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = new EditResult(EditStatus.Done, EventId: e.Id, Slug: e.Slug);
        }
        logger.LogInformation("{Editor} corrected the {Field} of event {EventId}", editor.Name, field, eventId);
        changes.NotifyChanged();
        return result;
    }

    private static async Task<ActorRef?> ResolveActorAsync(TimelineDbContext db, string name, string? kind, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(name);
        var known = await db.Actors.AsNoTracking().Where(a => a.Slug == slug || a.Name == name)
            .Select(a => new ActorRef(a.Slug, a.Name, a.Kind)).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return known;
        }
        // The gazetteer knows the name when one of its aliases covers all of it.
        var mention = Gazetteer.Default.FindActors(name).FirstOrDefault(m => m.Start == 0 && m.End == name.Length);
        if (mention is not null)
        {
            return new ActorRef(Slugs.From(mention.Actor.Name), mention.Actor.Name, mention.Actor.Kind);
        }
        return kind is null ? null : new ActorRef(slug, name, kind);
    }

    /// <summary>A field's value as the history shows it.</summary>
    internal static string? Describe(string field, Event e) => field switch
    {
        CorrectionFields.Date => DescribeDate(e.Start, e.End, e.Precision),
        CorrectionFields.Type => e.Type.Id(),
        CorrectionFields.Location => e.Location,
        CorrectionFields.Headline => e.Title,
        CorrectionFields.Actors => string.Join(", ", e.Actors.Select(a => a.Actor.Name).Order(StringComparer.Ordinal)),
        _ => null,
    };

    private static string DescribeDate(DateOnly start, DateOnly end, DatePrecision precision)
    {
        var from = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return start == end ? $"{from} ({precision.Id()})" : $"{from} – {to} ({precision.Id()})";
    }

    private static string FieldLabel(string field) => field switch
    {
        CorrectionFields.Date => "date",
        CorrectionFields.Type => "type",
        CorrectionFields.Location => "location",
        CorrectionFields.Headline => "headline",
        CorrectionFields.Actors => "list of actors",
        _ => field,
    };

    internal static AuditEntry Audit(int eventId, EditorIdentity editor, string field, string? before, string? after, string? note, DateTimeOffset at) =>
        new() { EventId = eventId, UserId = editor.UserId, UserName = editor.Name, Field = field, Before = before, After = after, Note = note, At = at };

    internal static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var kept = new string(text.Where(c => !char.IsControl(c) || c is '\n').ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, CorrectionFields.Json);

    private static T? Parse<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, CorrectionFields.Json);

    private sealed class EditRejectedException(string message) : Exception(message);
}

/// <summary>What a hidden event was, for its history and the editors' list of hidden events.</summary>
public sealed record HiddenValue(string Title, string Slug);
