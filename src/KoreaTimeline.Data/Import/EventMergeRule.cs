using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Data.Import;

/// <summary>An actor as the merge rule sees it: its slug and kind (country, person, organization...).</summary>
public readonly record struct MergeActor(string Slug, string Kind)
{
    public bool IsCountry => Kind == "country";
}

/// <summary>An event as the merge rule sees it.</summary>
public sealed record MergeCandidate(EventType Type, DateOnly Start, DateOnly End, IReadOnlyCollection<MergeActor> Actors)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>
/// When an event extracted from one article is the same event another article already put on the timeline.
/// Conservative on purpose: a wrong merge hides an event, a missed one only shows it twice.
/// </summary>
/// <remarks>
/// Two events merge when all of these hold:
/// <list type="bullet">
/// <item>the same type;</item>
/// <item>overlapping date intervals, each at most a month long unless both are the same interval
/// (a year-precision mention must not swallow one of several launches that year);</item>
/// <item>either they share an actor that is not a country, and neither names a country or a person the other
/// contradicts (the countries of one contain the other's, and likewise the people: a Kim–Trump summit is not a
/// Kim–Putin summit); or both name only countries, and the same ones.</item>
/// </list>
/// </remarks>
public static class EventMergeRule
{
    /// <summary>Longest interval, in days, that may merge with a different interval.</summary>
    public const int MaxVagueDays = 31;

    public static bool CanMerge(MergeCandidate existing, MergeCandidate incoming)
    {
        if (existing.Type != incoming.Type
            || existing.Start > incoming.End || incoming.Start > existing.End)
        {
            return false;
        }
        var sameInterval = existing.Start == incoming.Start && existing.End == incoming.End;
        if (!sameInterval && (existing.Days > MaxVagueDays || incoming.Days > MaxVagueDays))
        {
            return false;
        }
        var a = existing.Actors.Select(x => x.Slug).ToHashSet(StringComparer.Ordinal);
        var b = incoming.Actors.Select(x => x.Slug).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }
        if (existing.Actors.All(x => x.IsCountry) && incoming.Actors.All(x => x.IsCountry))
        {
            return a.SetEquals(b);
        }
        var sharesNonCountry = existing.Actors.Any(x => !x.IsCountry && b.Contains(x.Slug));
        return sharesNonCountry && Nested(existing, incoming, "country") && Nested(existing, incoming, "person");
    }

    /// <summary>Among events that may merge, the better one has more actors in common, then the nearer start.</summary>
    public static int Score(MergeCandidate existing, MergeCandidate incoming)
    {
        var shared = existing.Actors.Count(x => incoming.Actors.Any(y => y.Slug == x.Slug));
        return shared * 100_000 - Math.Min(99_999, Math.Abs(existing.Start.DayNumber - incoming.Start.DayNumber));
    }

    private static bool Nested(MergeCandidate x, MergeCandidate y, string kind)
    {
        var a = x.Actors.Where(v => v.Kind == kind).Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        var b = y.Actors.Where(v => v.Kind == kind).Select(v => v.Slug).ToHashSet(StringComparer.Ordinal);
        return a.IsSubsetOf(b) || b.IsSubsetOf(a);
    }
}
