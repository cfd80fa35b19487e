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

/// <summary>
/// Ids, labels and codes of <see cref="EventType"/> as the contract writes them, read from the event type files
/// (Resources/events/types/ID.json), which also hold each type's triggers.
/// </summary>
public static class EventTypes
{
    /// <summary>Every type with its contract id, label, CAMEO and PLOVER codes, in the enum's order.</summary>
    public static IReadOnlyList<EventTypeInfo> All { get; } = Load();

    private static readonly Dictionary<string, EventTypeInfo> ById =
        All.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The contract id of a type, e.g. <c>missile_test</c>.</summary>
    public static string Id(this EventType type) => All[(int)type].Id;

    /// <summary>The human label of a type, e.g. "Missile test".</summary>
    public static string Label(this EventType type) => All[(int)type].Label;

    public static EventTypeInfo Info(this EventType type) => All[(int)type];

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

    /// <summary>The contract id of an enum value: <c>MissileTest</c> → <c>missile_test</c>.</summary>
    internal static string IdOf(EventType type) =>
        string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static EventTypeInfo[] Load() =>
        [.. Enum.GetValues<EventType>().Select(type =>
        {
            var file = EmbeddedResources.ReadJson<EventTypeFile>($"events/types/{IdOf(type)}.json");
            return new EventTypeInfo(type, file.Id, file.Label, file.Cameo, file.Plover, file.Actors == "agent");
        })];

    private sealed record EventTypeFile(string Id, string Label, string Cameo, string Plover, string? Actors);
}

/// <summary>One row of the event type table.</summary>
public sealed record EventTypeInfo(EventType Type, string Id, string Label, string Cameo, string Plover, bool AgentOnly);
