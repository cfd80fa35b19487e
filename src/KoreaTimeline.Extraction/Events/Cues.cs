using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>One list of cue words from <c>Resources/events/cues.json</c>, with the examples that show it.</summary>
public sealed record CueList(string Name, string What, Regex Pattern, IReadOnlyList<string> Examples, IReadOnlyList<string> Counters);

/// <summary>
/// The cue words the event finder reads around a trigger (hedges, plans, opinions, participation, tallies, verbs of
/// saying), kept as data with examples and counter-examples like the trigger rules.
/// </summary>
public static class Cues
{
    private static readonly Dictionary<string, CueList> ByName = Load();

    public static IReadOnlyCollection<CueList> All => ByName.Values;

    /// <summary>Before a trigger in its clause: a hedge, habit, condition or negation.</summary>
    public static Regex Hedge { get; } = ByName["hedge"].Pattern;

    /// <summary>Before a trigger in its clause: a plan or reported future, a fact only with a date of its own.</summary>
    public static Regex Scheduled { get; } = ByName["scheduled"].Pattern;

    /// <summary>A sentence that reports what commentators think.</summary>
    public static Regex Opinion { get; } = ByName["opinion"].Pattern;

    /// <summary>A verb by which a noun's subject takes part in the noun's event.</summary>
    public static Regex Participation { get; } = ByName["participation"].Pattern;

    /// <summary>A tally right before a noun trigger.</summary>
    public static Regex Aggregate { get; } = ByName["aggregate"].Pattern;

    /// <summary>In what a speaker says: an estimate or hedge about facts, which makes the saying attribution only.</summary>
    public static Regex Assessment { get; } = ByName["assessment"].Pattern;

    /// <summary>What a speaker says opens by judging an event already told: commentary, not a statement.</summary>
    public static Regex Commentary { get; } = ByName["commentary"].Pattern;

    /// <summary>A verb of saying before another kind of event.</summary>
    public static Regex Speech { get; } = ByName["speech"].Pattern;

    /// <summary>Opening at an unlisted main verb: a verb of telling, judging or publishing (a statement).</summary>
    public static Regex UnlistedStatement { get; } = ByName["unlisted-statement"].Pattern;

    /// <summary>Opening at an unlisted main verb: a verb of travelling to or hosting someone (a meeting).</summary>
    public static Regex UnlistedMeeting { get; } = ByName["unlisted-meeting"].Pattern;

    /// <summary>In the clause of an unlisted main verb: words of sanctions.</summary>
    public static Regex UnlistedSanctions { get; } = ByName["unlisted-sanctions"].Pattern;

    private static Dictionary<string, CueList> Load()
    {
        var file = EmbeddedResources.ReadJson<CuesFile>("events/cues.json");
        var lists = new Dictionary<string, CueList>(StringComparer.Ordinal);
        foreach (var (name, entry) in file.Cues)
        {
            var options = RegexOptions.CultureInvariant | RegexOptions.Compiled | (entry.CaseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
            var words = string.Join('|', entry.Words);
            // "question": a sentence that ends in a question mark holds the cue too ("Will the talks resume?").
            var pattern = entry.Start ? $@"^(?:{words})\b" + (entry.Question ? @"|\?\s*$" : "")
                : entry.Near is { } near ? $@"\b(?:{words})\s+(?:[\w-]+\s+){{0,{near}}}$" // within `near` words of the span's end
                : $@"\b(?:{words})\b";
            lists[name] = new CueList(name, entry.What, new Regex(pattern, options, TimeSpan.FromSeconds(1)), entry.Examples, entry.Counters);
        }
        return lists;
    }

    private sealed record CuesFile(Dictionary<string, CueEntry> Cues);

    private sealed record CueEntry(string What, List<string> Words, List<string> Examples, List<string> Counters, bool CaseSensitive, bool Start, bool Question, int? Near);
}
