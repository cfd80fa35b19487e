namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>The event types of the extraction contract (docs: shared spec, "Event types").</summary>
public enum EventType
{
    Deployment,
    Exercise,
    MissileTest,
    NuclearTest,
    Summit,
    Meeting,
    Statement,
    Threat,
    Proposal,
    Negotiation,
    Agreement,
    Sanctions,
    Cooperation,
    TroopDeployment,
    Other,
}

/// <summary>Ids, labels and codes of <see cref="EventType"/> as the contract writes them.</summary>
public static class EventTypes
{
    /// <summary>Every type with its contract id, label, CAMEO and PLOVER codes.</summary>
    public static IReadOnlyList<EventTypeInfo> All { get; } =
    [
        new(EventType.Deployment, "deployment", "Deployment", "150 / 062", "MOBILIZE (weapons)"),
        new(EventType.Exercise, "exercise", "Exercise", "150", "MOBILIZE / COOPERATE"),
        new(EventType.MissileTest, "missile_test", "Missile test", "150", "MOBILIZE (weapons)"),
        new(EventType.NuclearTest, "nuclear_test", "Nuclear test", "150", "MOBILIZE (cbrn)"),
        new(EventType.Summit, "summit", "Summit", "043 / 044", "CONSULT"),
        new(EventType.Meeting, "meeting", "Meeting", "040 / 042", "CONSULT"),
        new(EventType.Statement, "statement", "Statement", "010 / 111", "ACCUSE / other"),
        new(EventType.Threat, "threat", "Threat", "138", "THREATEN"),
        new(EventType.Proposal, "proposal", "Proposal", "036", "AGREE / REQUEST"),
        new(EventType.Negotiation, "negotiation", "Negotiation", "046 / 164", "CONSULT / REJECT"),
        new(EventType.Agreement, "agreement", "Agreement", "057", "AGREE"),
        new(EventType.Sanctions, "sanctions", "Sanctions", "163", "SANCTION"),
        new(EventType.Cooperation, "cooperation", "Cooperation", "062", "COOPERATE"),
        new(EventType.TroopDeployment, "troop_deployment", "Troop deployment", "072", "AID / MOBILIZE"),
        new(EventType.Other, "other", "Other", "–", "–"),
    ];

    private static readonly Dictionary<string, EventTypeInfo> ById =
        All.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The contract id of a type, e.g. <c>missile_test</c>.</summary>
    public static string Id(this EventType type) => All[(int)type].Id;

    /// <summary>The human label of a type, e.g. "Missile test".</summary>
    public static string Label(this EventType type) => All[(int)type].Label;

    /// <summary>Parses a contract id; false for unknown ids.</summary>
    public static bool TryParse(string? id, out EventType type)
    {
        if (id is not null && ById.TryGetValue(id, out var info))
        {
            type = info.Type;
            return true;
        }
        type = EventType.Other;
        return false;
    }
}

/// <summary>One row of the event type table.</summary>
public sealed record EventTypeInfo(EventType Type, string Id, string Label, string Cameo, string Plover);
