namespace KoreaTimeline.Data.Editing;

/// <summary>The roles of accounts: editors correct events; admins also manage accounts.</summary>
public static class TimelineRoles
{
    /// <summary>Corrects events: date, type, actors, location, headline, hide, note.</summary>
    public const string Editor = "editor";

    /// <summary>Everything an editor does, and creates or locks accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Both roles, in the order they are created.</summary>
    public static IReadOnlyList<string> All { get; } = [Editor, Admin];

    /// <summary>The authorization policy of editing (editors and admins).</summary>
    public const string EditPolicy = "edit";

    /// <summary>The authorization policy of account management (admins only).</summary>
    public const string AdminPolicy = "admin";
}
