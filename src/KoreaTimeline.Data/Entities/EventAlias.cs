namespace KoreaTimeline.Data.Entities;

/// <summary>
/// A former event id and the event that took its place (a re-import replaced it, or it was merged away), so its
/// permalink redirects instead of answering 404. <see cref="EventId"/> may itself be aliased later: follow the chain.
/// It is not a foreign key, so deleting the successor keeps the chain.
/// </summary>
public class EventAlias
{
    /// <summary>The id that no longer names an event.</summary>
    public int OldId { get; set; }

    /// <summary>The successor's id.</summary>
    public int EventId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
