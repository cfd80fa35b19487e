namespace KoreaTimeline.Data.Entities;

/// <summary>One change an editor made: who, when, which field of which event, the value before and after, and why.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The event changed (its id at the time; an event's history also reads the ids aliased to it).</summary>
    public int EventId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserId { get; set; }

    /// <summary>The user's public display name at the time of the change.</summary>
    public required string UserName { get; set; }

    /// <summary>The field changed: one of <see cref="Editing.CorrectionFields"/>.</summary>
    public required string Field { get; set; }

    /// <summary>A readable value before the change (null: none).</summary>
    public string? Before { get; set; }

    /// <summary>A readable value after the change (null: none).</summary>
    public string? After { get; set; }

    /// <summary>The editor's reason or note, if any.</summary>
    public string? Note { get; set; }
}
