using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Editing;

/// <summary>The outcome of a reader's suggestion: stored (with its id), not found, or invalid with the field and a message.</summary>
public sealed record SuggestionResult(EditStatus Status, string? Field = null, string? Message = null, int Id = 0)
{
    public bool Succeeded => Status == EditStatus.Done;

    public static SuggestionResult Invalid(string field, string message) => new(EditStatus.Invalid, field, message);
}

/// <summary>A suggestion in the review queue, with the event it is about now (after merges).</summary>
public sealed record OpenSuggestion(int Id, int EventId, string? EventTitle, string? EventSlug, string Text, string? SourceUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Readers' suggestions ("Suggest a correction", anonymous) and the editors' review of them: an editor accepts one (and
/// corrects the event with the usual forms) or dismisses it with a reason; both are audited in the event's history
/// (the suggestion's number and the outcome, never the reader's text, which is not checked by anyone before).
/// </summary>
public sealed class SuggestionBox(IDbContextFactory<TimelineDbContext> contextFactory, ILogger<SuggestionBox> logger)
{
    /// <summary>The longest text and source address accepted; the most suggestions one event keeps waiting.</summary>
    public const int MaxText = 2000, MaxSourceUrl = 500, MaxOpenPerEvent = 20, MinText = 10;

    /// <summary>Stores a suggestion about event <paramref name="eventId"/> for review.</summary>
    public async Task<SuggestionResult> SubmitAsync(int eventId, string? text, string? sourceUrl, CancellationToken cancellationToken = default)
    {
        var cleaned = EventEditor.Clean(text);
        if (cleaned is null || cleaned.Length < MinText || !cleaned.Any(char.IsLetter))
        {
            return SuggestionResult.Invalid("text", $"Say what is wrong, in at least {MinText} characters.");
        }
        if (cleaned.Length > MaxText)
        {
            return SuggestionResult.Invalid("text", $"What is wrong: at most {MaxText} characters.");
        }
        var url = EventEditor.Clean(sourceUrl);
        if (url is not null && (url.Length > MaxSourceUrl || !Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || url.Any(char.IsWhiteSpace)))
        {
            return SuggestionResult.Invalid("sourceUrl", $"Source: give an http:// or https:// address of at most {MaxSourceUrl} characters, or leave it empty.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return new SuggestionResult(EditStatus.NotFound, Message: $"There is no event {eventId}.");
        }
        if (await db.CorrectionSuggestions.CountAsync(s => s.EventId == eventId && s.Status == SuggestionStatus.Open, cancellationToken) >= MaxOpenPerEvent)
        {
            return SuggestionResult.Invalid("text", "This event already has many suggestions waiting for the editors; please try again in a few days.");
        }
        var suggestion = db.CorrectionSuggestions.Add(new CorrectionSuggestion
        {
            EventId = eventId, Text = cleaned, SourceUrl = url, CreatedAt = DateTimeOffset.UtcNow, Status = SuggestionStatus.Open,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Suggestion {SuggestionId} about event {EventId} is waiting for review", suggestion.Id, eventId);
        return new SuggestionResult(EditStatus.Done, Id: suggestion.Id);
    }

    /// <summary>The open suggestions, oldest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<OpenSuggestion>> ListOpenAsync(int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CorrectionSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Open).OrderBy(s => s.Id).Take(limit)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.EventId).Distinct().ToList();
        var aliases = await db.EventAliases.AsNoTracking().Where(a => ids.Contains(a.OldId)).ToDictionaryAsync(a => a.OldId, a => a.EventId, cancellationToken);
        var current = ids.Select(id => aliases.GetValueOrDefault(id, id)).Distinct().ToList();
        var events = await db.Events.AsNoTracking().Where(e => current.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.Title, e.Slug), cancellationToken);
        return rows.Select(r =>
        {
            var id = aliases.GetValueOrDefault(r.EventId, r.EventId);
            var found = events.TryGetValue(id, out var e);
            return new OpenSuggestion(r.Id, id, found ? e.Title : null, found ? e.Slug : null, r.Text, r.SourceUrl, r.CreatedAt);
        }).ToList();
    }

    /// <summary>One suggestion (any state), for the correction page an accepted one opens.</summary>
    public async Task<CorrectionSuggestion?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CorrectionSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Accepts an open suggestion; the result's event is where the editor makes the correction.</summary>
    public Task<EditResult> AcceptAsync(int id, EditorIdentity editor, CancellationToken cancellationToken = default) =>
        ReviewAsync(id, SuggestionStatus.Accepted, editor, null, cancellationToken);

    /// <summary>Dismisses an open suggestion; the reason is required and shown in the event's history.</summary>
    public Task<EditResult> DismissAsync(int id, EditorIdentity editor, string? reason, CancellationToken cancellationToken = default)
    {
        var cleaned = EventEditor.Clean(reason);
        if (cleaned is null)
        {
            return Task.FromResult(EditResult.Invalid("Reason: say why the suggestion is dismissed."));
        }
        return cleaned.Length > EventEditor.MaxNote
            ? Task.FromResult(EditResult.Invalid($"Reason: at most {EventEditor.MaxNote} characters."))
            : ReviewAsync(id, SuggestionStatus.Dismissed, editor, cleaned, cancellationToken);
    }

    private async Task<EditResult> ReviewAsync(int id, string status, EditorIdentity editor, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var suggestion = await db.CorrectionSuggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return new EditResult(EditStatus.NotFound, $"There is no suggestion {id}.");
        }
        if (suggestion.Status != SuggestionStatus.Open)
        {
            return EditResult.Invalid($"Suggestion {id} is already {suggestion.Status}.");
        }
        var eventId = await db.EventAliases.Where(a => a.OldId == suggestion.EventId).Select(a => (int?)a.EventId).SingleOrDefaultAsync(cancellationToken) ?? suggestion.EventId;
        var now = DateTimeOffset.UtcNow;
        suggestion.Status = status;
        suggestion.ReviewedAt = now;
        suggestion.ReviewedBy = editor.UserId;
        suggestion.Reason = reason;
        db.AuditEntries.Add(EventEditor.Audit(eventId, editor, CorrectionFields.Suggestion, $"suggestion {id}", status, reason, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Editor} {Status} suggestion {SuggestionId} about event {EventId}", editor.Name, status, id, eventId);
        var slug = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Slug).SingleOrDefaultAsync(cancellationToken);
        return new EditResult(EditStatus.Done, EventId: eventId, Slug: slug);
    }
}
