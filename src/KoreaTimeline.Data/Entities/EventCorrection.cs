namespace KoreaTimeline.Data.Entities;

/// <summary>
/// An editor's correction of one field of an event: the override the importer re-applies after every re-import and
/// <c>reextract</c>. It is keyed to the event id and anchored to the event's quotes (<see cref="Anchors"/>), so it finds
/// its event again when a re-extraction gives the event another id. One correction per event and field; the audit
/// keeps every earlier value.
/// </summary>
public class EventCorrection
{
    public int Id { get; set; }

    /// <summary>The event it corrects (not a foreign key: a hidden event's row is gone, and the correction stays).</summary>
    public int EventId { get; set; }

    /// <summary>What it corrects: one of <see cref="Editing.CorrectionFields"/>.</summary>
    public required string Field { get; set; }

    /// <summary>The corrected value as JSON (its shape depends on <see cref="Field"/>).</summary>
    public required string Value { get; set; }

    /// <summary>The event's quotes when the correction was last applied, as JSON (<see cref="Editing.QuoteAnchor"/>).</summary>
    public required string Anchors { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
