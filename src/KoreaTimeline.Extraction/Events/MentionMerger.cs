using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>
/// Merges mentions of one event: the same type and date stated twice, a noun that refers back to an event
/// ("this is the fourth missile test this year"), and undated mentions that carry on an event dated elsewhere.
/// Undated mentions that join nothing are left out: a timeline has no place for them.
/// </summary>
public static partial class MentionMerger
{
    // Leaders on the phone or on video hold a meeting, not a summit.
    [GeneratedRegex(@"\b(?:phone|telephone|call|spoke|speaks|talked|video)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remote();

    public static List<ExtractedEvent> Merge(IReadOnlyList<Mention> mentions)
    {
        var groups = new List<List<Mention>>();
        // Verbs state events and nouns refer to them, so verbs found the groups and nouns join them.
        foreach (var m in mentions.Where(m => m.Date is not null).OrderBy(m => !m.IsVerb).ThenBy(m => m.Trigger.Start))
        {
            // A noun dated by its end belongs to the event of the kind that began last before that end.
            var group = !m.IsVerb && Ends(m) ? groups.Where(g => g[0].Type == m.Type && SameEvent(g, m)).MaxBy(g => Date(g).Start)
                : groups.FirstOrDefault(g => g[0].Type == m.Type && SameEvent(g, m));
            if (group is null)
            {
                groups.Add([m]);
            }
            else
            {
                group.Add(m);
            }
        }
        // Things done (a launch, a port call) are told in several clauses; things said are each their own event.
        // An undated report in the lead that carries on nothing happened on the article date.
        foreach (var m in mentions.Where(m => m.Date is null))
        {
            // An article is about its lead event: a later "the launch" is that launch, not an older one.
            // A report of the day in the lead carries on an event told before it, or one of that day, or one that a
            // later reference dates ("The launch on Thursday ..."); an event told later in its own right is another.
            var candidates = groups.Where(g => g[0].Type == m.Type && !(m.Separate && m.IsVerb) && !OthersAct(g, m)
                && (m.FallbackDate is not { } day || Date(g).Overlaps(day) || g.TrueForAll(x => !x.IsVerb)
                    || g.Exists(x => x.Evidence.Start < m.Evidence.Start)
                    // "North Korea has ratified the treaty" told on the day after the decree that ratified it
                    || m.Perfect && Before(day, Date(g))
                    || m.Preceding && Date(g) is var earlier && earlier.End <= day.Start && day.Start.DayNumber - earlier.End.DayNumber <= 7
                    // An undated lead and the next sentences' dated account a day apart: one event told across time zones.
                    || m.SentenceIndex <= 1 && g.Exists(x => x.SentenceIndex <= 3) && Date(g) is var near
                        && near.Start.DayNumber - day.End.DayNumber <= 1 && day.Start.DayNumber - near.End.DayNumber <= 1));
            // Things said are each their own event, unless the same speaker goes on saying them that day ("He added ...").
            var group = !IsSpeechAct(m.Type) ? candidates.MinBy(g => g.Min(x => x.Evidence.Start))
                : m.Type == EventType.Agreement && m.FallbackDate is { } agreed
                    // "They also agreed to ...": an undated item of a deal told before it that day is that deal.
                    ? groups.FirstOrDefault(g => g[0].Type == EventType.Agreement && Date(g).Overlaps(agreed)
                        && g.Exists(x => x.Evidence.Start < m.Evidence.Start))
                        ?? (m.Perfect ? candidates.FirstOrDefault(g => Before(agreed, Date(g))) : null)
                : m.Trigger.Rule.IsSpeech && m.FallbackDate is { } said
                    ? groups.LastOrDefault(g => g[0].Type == m.Type && g[^1].Evidence.Start < m.Evidence.Start
                        && (Date(g).Overlaps(said) || m.SentenceIndex - g[^1].SentenceIndex <= 2)
                        && (g.SelectMany(x => x.Actors).Any(a => a.Kind != "country" && m.Actors.Any(b => b.Name == a.Name))
                            // "Russia called the test a threat, and its ambassador told reporters ...": one voice in one sentence.
                            || g[^1].SentenceIndex == m.SentenceIndex && g.SelectMany(x => x.Actors).ToList() is { Count: > 0 } voices
                                && voices.TrueForAll(a => a.Kind == "country" && m.Actors.Any(b => b.Name == a.Name))))
                    : null;
            if (group is not null)
            {
                group.Add(m);
            }
            // "he said" that joins no statement of his repeats what was told already.
            else if (m.FallbackDate is { } day && !(m.Trigger.Rule.IsSpeech && !m.NamesSpeaker))
            {
                groups.Add([m with { Date = day, DateSource = m.FallbackSource }]);
            }
        }
        return groups
            .OrderBy(g => g.Min(m => m.Evidence.Start))
            .Select(ToEvent)
            .ToList();
    }

    // "The council met in New York; Lee convened his ministers": a deed whose named actors share none with an event's
    // is another event, though the day is the same.
    private static bool OthersAct(List<Mention> group, Mention m)
    {
        if (m.ActorsAssumed || m.Actors.Count == 0 || !m.IsVerb || !m.NamesSpeaker)
        {
            return false;
        }
        var named = group.Where(g => !g.ActorsAssumed).SelectMany(g => g.Actors).Select(a => a.Name).ToHashSet();
        return named.Count > 0 && !m.Actors.Any(a => named.Contains(a.Name));
    }

    private static bool IsSpeechAct(EventType type) =>
        type is EventType.Statement or EventType.Threat or EventType.Proposal or EventType.Agreement or EventType.Other;

    private static bool SameEvent(List<Mention> group, Mention m)
    {
        if (m.Separate && m.IsVerb || m.Unlisted || group[0].Unlisted)
        {
            return false;
        }
        var date = Date(group);
        var other = m.Date!.Value;
        if (date == other)
        {
            // "Other" gathers unlike events (a vote, a raid, a resignation): two of them on one day are one event only
            // when the same kind of words state them.
            if (m.Type == EventType.Other && m.IsVerb && group.Exists(g => g.IsVerb) && !group.Exists(g => g.Trigger.Rule == m.Trigger.Rule))
            {
                return false;
            }
            // A guessed actor does not keep a deed from joining the event of that day; things said are told apart by
            // who says them, so there the guess counts.
            var deed = !IsSpeechAct(m.Type);
            var actors = group.Where(g => !(deed && g.ActorsAssumed)).SelectMany(g => g.Actors).Select(a => a.Name).ToHashSet();
            return actors.Count == 0 || m.Actors.Count == 0 || deed && m.ActorsAssumed || m.Actors.Any(a => actors.Contains(a.Name));
        }
        // "North Korea said Friday it had tested a missile ... The JCS said it was launched at 7:23 a.m. Thursday": the
        // deed told by the day of its telling is the deed the story dates a few days before, when the actors agree.
        if (m.IsVerb && !IsSpeechAct(m.Type) && (m.DatedBySaying ? !group.Exists(g => g.DatedBySaying) && Before(other, date) : group.TrueForAll(g => g.DatedBySaying) && Before(date, other)))
        {
            var named = group.Where(g => !g.ActorsAssumed).SelectMany(g => g.Actors).Select(a => a.Name).ToHashSet();
            return m.ActorsAssumed || named.Count == 0 || m.Actors.Any(a => named.Contains(a.Name));
        }
        // A noun whose date spans the event's refers back to it; an event known only from nouns takes a verb's finer date;
        // "The 11-day exercise will run through Aug. 28": a noun dated by its end refers back to the event begun before it.
        return !m.IsVerb && Contains(other, date) || group.TrueForAll(g => !g.IsVerb) && Contains(date, other)
            || !m.IsVerb && Ends(m) && date.Start < other.Start && other.Start.DayNumber - date.Start.DayNumber <= 92;
    }

    // The mention's date is where its event ends: "runs through Aug. 28", "lasts until Friday".
    private static bool Ends(Mention m) =>
        m.Timex is { } t && t.Start > m.Evidence.Start && t.Start <= m.Evidence.End
        && UntilBefore().IsMatch(m.Evidence.Text.AsSpan(0, t.Start - m.Evidence.Start));

    [GeneratedRegex(@"\b(?:run|runs|running|ran|last|lasts|lasting|lasted|continue|continues|continuing|continued)\s+(?:through|until|till|to)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex UntilBefore();

    // The day a deed was told (said) and the day the story gives it (done), at most three days before.
    private static bool Before(DateInterval said, DateInterval done) =>
        said.Precision == DatePrecision.Day && done.Precision == DatePrecision.Day && done.End < said.Start && said.Start.DayNumber - done.End.DayNumber <= 3;

    private static bool Contains(DateInterval outer, DateInterval inner) => outer.Start <= inner.Start && inner.End <= outer.End;

    // The group's date is its finest: verbs before nouns, then the shortest interval.
    private static DateInterval Date(List<Mention> group) => Dated(group).Date!.Value;

    private static Mention Dated(List<Mention> group) =>
        group.Where(m => m.Date is not null)
            .OrderBy(m => m.DatedBySaying)
            .ThenBy(m => !m.IsVerb)
            .ThenBy(m => m.Date!.Value.End.DayNumber - m.Date!.Value.Start.DayNumber)
            .ThenBy(m => m.Trigger.Start)
            .First();

    private static ExtractedEvent ToEvent(List<Mention> group)
    {
        var dated = Dated(group);
        var lead = group.OrderBy(m => !m.IsVerb).ThenBy(m => m.DateSource == Events.DateSource.None).ThenBy(m => m.Trigger.Start).First();
        var actors = group.SelectMany(m => m.Actors).DistinctBy(a => a.Name).ToList();
        // Leaders of two states meeting or holding talks is a summit.
        var type = lead.Type is EventType.Meeting or EventType.Negotiation
            && !Remote().IsMatch(lead.Evidence.Text)
            && actors.Where(a => a.Leader).Select(a => a.Country).Distinct().Count() >= 2
                ? EventType.Summit
                : lead.Type;
        var place = group.Select(m => m.Place).Where(p => p is not null).OrderByDescending(p => p!.Country is not null).FirstOrDefault();
        var evidence = group.Select(m => m.Evidence).DistinctBy(e => (e.Start, e.End)).OrderBy(e => e.Start).ToList();
        return new ExtractedEvent(
            Headlines.WithActors(lead.Headline, actors),
            type,
            dated.Date!.Value,
            dated.DateSource switch
            {
                Events.DateSource.Article => dated.Date!.Value.Start.ToString("yyyy-MM-dd"),
                Events.DateSource.Narrative => null,
                _ => dated.Timex?.Value,
            },
            dated.DateSource is Events.DateSource.None or Events.DateSource.Article or Events.DateSource.Narrative ? null : dated.Timex?.Text,
            [.. actors.Select(a => new ActorRef(a.Name, a.Kind))],
            place?.Display,
            evidence,
            Confidence(dated, group));
    }

    private static double Confidence(Mention dated, List<Mention> group)
    {
        var score = dated.DateSource switch
        {
            Events.DateSource.Own => 0.85,
            Events.DateSource.Intro => 0.75,
            Events.DateSource.Article => 0.6,
            _ => 0.4,
        };
        if (dated.Date!.Value.Precision is DatePrecision.Day)
        {
            score += 0.05;
        }
        if (!group.Exists(m => m.IsVerb))
        {
            score -= 0.15;
        }
        if (group.Count > 1)
        {
            score += 0.05;
        }
        return Math.Clamp(score, 0.1, 0.95);
    }
}
