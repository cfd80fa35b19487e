namespace KoreaTimeline.Data.Entities;

/// <summary>
/// A reader's suggestion that an event is wrong (the anonymous "Suggest a correction" form), kept for editors to review:
/// open until an editor accepts it (and corrects the event) or dismisses it with a reason.
/// </summary>
public class CorrectionSuggestion
{
    public int Id { get; set; }

    /// <summary>The event it is about (its id at the time; not a foreign key, like the audit's).</summary>
    public int EventId { get; set; }

    /// <summary>What the reader says is wrong, as text.</summary>
    public required string Text { get; set; }

    /// <summary>An optional http(s) address the reader gives as a source.</summary>
    public string? SourceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>open</c>, <c>accepted</c> or <c>dismissed</c> (<see cref="Editing.SuggestionStatus"/>).</summary>
    public required string Status { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The account of the editor who reviewed it.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>The editor's reason (required to dismiss).</summary>
    public string? Reason { get; set; }
}
