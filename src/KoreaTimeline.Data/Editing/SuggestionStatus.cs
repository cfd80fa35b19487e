namespace KoreaTimeline.Data.Editing;

/// <summary>The states of a reader's suggestion (<see cref="Entities.CorrectionSuggestion.Status"/>).</summary>
public static class SuggestionStatus
{
    /// <summary>Waiting in the editors' review queue.</summary>
    public const string Open = "open";

    /// <summary>An editor accepted it and opened the event's correction forms.</summary>
    public const string Accepted = "accepted";

    /// <summary>An editor dismissed it with a reason.</summary>
    public const string Dismissed = "dismissed";
}
