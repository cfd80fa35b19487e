namespace KoreaTimeline.Data;

/// <summary>
/// Tells open pages that the timeline changed (an import committed), so they can reload what they show.
/// Registered as a singleton; handlers run on the importer's thread and must return quickly.
/// </summary>
public sealed class TimelineChanges
{
    /// <summary>Raised after an import commits new, changed or removed events.</summary>
    public event Action? Changed;

    /// <summary>Raises <see cref="Changed"/>; a failing handler never fails the import.</summary>
    public void NotifyChanged()
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action)handler)();
            }
            catch (Exception)
            {
                // A page that went away while it was told must not break the import.
            }
        }
    }
}
