namespace KoreaTimeline.Data.Entities;

/// <summary>A country, person, organization, unit or vessel that takes part in events.</summary>
public class Actor
{
    public int Id { get; set; }

    /// <summary>Stable URL slug of the canonical name, e.g. <c>north-korea</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>Canonical name, e.g. "Kim Jong-un".</summary>
    public required string Name { get; set; }

    /// <summary>country | person | organization | military_unit | vessel | other.</summary>
    public required string Kind { get; set; }

    public List<EventActor> Events { get; set; } = [];
}

/// <summary>Links an event to an actor taking part in it.</summary>
public class EventActor
{
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
}
