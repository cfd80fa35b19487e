using System.Text;
using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>Short headlines for events: subject, present-tense action, object or place ("Carrier arrives in Busan").</summary>
public static partial class Headlines
{
    private const int MaxWords = 14;

    // Connectors, auxiliaries and adverbs between a subject and its verb, dropped from headlines.
    [GeneratedRegex(@"^(?:and|but|however|then|also|meanwhile|which|who)\b\s*|\s*\b(?:has|have|had|was|were|is|are|been|also|personally|reportedly|again|already|formally|officially|publicly)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    // A purpose tail says why, not what ("... a test to convey its capabilities"); a second verb ("... and vowed") is another story.
    [GeneratedRegex(@"\s+(?:to|in\s+order\s+to)\s+(?:convey|demonstrate|show|showcase|signal|strengthen|deter|counter|send|warn|display|bolster|improve|prepare|support|protest|mark|celebrate|discuss)\b.*$|\s+and\s+(?:has\s+|have\s+|had\s+)?(?:\w+\s+)?\w+ed\b.*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PurposeTail();

    [GeneratedRegex(@"^.*\b(?:said|says|reported|reports|told\s+\w+)\s+(?:that\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex SaidBy();

    [GeneratedRegex(@"\b(?:the|a|an|its|his|her|their|this|that)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"^(?:he|she|it|they|we|i|this|that)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounOnly();

    [GeneratedRegex(@"^(?:on|in|at|during|since|by|after|before|following|over|from|until)\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroPreposition();

    [GeneratedRegex(@"\s*\b(?:on|in|at|during|since|by|from|until|of|early|late)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPreposition();

    /// <summary>
    /// The headline of a mention. <paramref name="complement"/> is what a statement says ("announced [that it had
    /// tested a missile]"), which a headline of a bare "announces" needs.
    /// </summary>
    public static string For(
        ArticleDocument doc, Clause clause, TriggerMatch trigger, IReadOnlyList<KnownActor> actors, Clause? intro, Clause? complement = null)
    {
        var text = doc.Text;
        if (!trigger.Rule.IsVerb && clause.Role == ClauseRole.Intro)
        {
            // "At the Singapore summit in June 2018" → "Singapore summit".
            var phrase = IntroPreposition().Replace(WithoutDates(doc, clause.Start, clause.End), "");
            return Finish(phrase);
        }

        if (trigger.Start == clause.Start && clause.Role != ClauseRole.Intro)
        {
            // "Talks between Washington and Pyongyang stalled": the trigger opens its clause and is its own subject.
            return Finish(PurposeTail().Replace(WithoutDates(doc, clause.Start, clause.End), ""));
        }
        var subject = clause.Role == ClauseRole.Intro ? "" : text[clause.Start..trigger.Start];
        if (SaidBy().Match(subject) is { Success: true } speaker)
        {
            subject = subject[(speaker.Index + speaker.Length)..];
        }
        string previous;
        do
        {
            previous = subject;
            subject = Filler().Replace(subject.Trim(), "").Trim();
        }
        while (subject != previous);
        if (subject.Length == 0 || PronounOnly().IsMatch(subject) || subject.Split(' ').Length > 8)
        {
            // The one who acts: an actor named in the subject, a person or body before a country, else any actor.
            var named = actors.Where(a => subject.Contains(a.Name, StringComparison.Ordinal)).ToList();
            var pool = named.Count > 0 ? named : [.. actors];
            subject = pool.FirstOrDefault(a => a.Kind != "country")?.Name ?? (pool.Count > 0 ? pool[0].Name : "");
        }

        var triggerText = text[trigger.Start..trigger.End];
        var space = triggerText.IndexOf(' ', StringComparison.Ordinal);
        var firstWord = space < 0 ? triggerText : triggerText[..space];
        var present = Inflector.Present(firstWord, trigger.Lemma);
        if (IsPlural(subject, actors))
        {
            present = Inflector.Plural(present);
        }
        // "oversaw the test-firing": after a determiner the trigger is a noun and stays as written.
        var asNoun = !trigger.Rule.IsVerb || Determiner().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start));
        var verb = asNoun ? triggerText : present + triggerText[firstWord.Length..];
        var tail = PurposeTail().Replace(WithoutDates(doc, trigger.End, clause.End), "");
        if (string.IsNullOrWhiteSpace(tail) && complement is { } said)
        {
            tail = " " + PurposeTail().Replace(WithoutDates(doc, said.Start, said.End), "");
        }
        return Finish($"{subject} {verb}{tail}");
    }

    // "Seoul and Washington", "Officials", "The missiles" take a plural verb; "The United States" does not.
    private static bool IsPlural(string subject, IReadOnlyList<KnownActor> actors)
    {
        if (subject.Contains(" and ", StringComparison.Ordinal))
        {
            return true;
        }
        var last = subject[(subject.LastIndexOf(' ') + 1)..];
        return last.Length > 3 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal)
            && !last.EndsWith("us", StringComparison.Ordinal) && !last.EndsWith("is", StringComparison.Ordinal)
            && !last.EndsWith("'s", StringComparison.Ordinal) && !last.EndsWith("’s", StringComparison.Ordinal)
            && !actors.Any(a => subject.EndsWith(a.Name, StringComparison.Ordinal));
    }

    /// <summary>
    /// A headline that names no one ("Summit", "Missile test") when the event's actors are known: "Summit of Moon Jae-in and
    /// Kim Jong-un", "North Korea's missile test"; people before countries, two at most.
    /// </summary>
    public static string WithActors(string headline, IReadOnlyList<KnownActor> actors)
    {
        if (actors.Count == 0 || headline.Split(' ').Length > 3 || headline.Contains("War", StringComparison.Ordinal) || headline.Any(char.IsDigit)
            || actors.Any(a => headline.Contains(a.Name, StringComparison.Ordinal) || headline.Contains(a.Name.Split(' ')[0], StringComparison.Ordinal)))
        {
            return headline;
        }
        var named = actors.Where(a => a.Kind == "person").Take(2).ToList() is { Count: > 0 } people ? people : [.. actors.Take(2)];
        if (headline == "Event")
        {
            return $"Event involving {string.Join(" and ", named.Select(a => a.Name))}";
        }
        if (named.Count == 1)
        {
            var owner = named[0].Name;
            return $"{owner}{(owner.EndsWith('s') ? "'" : "'s")} {char.ToLowerInvariant(headline[0])}{headline[1..]}";
        }
        return $"{headline} of {named[0].Name} and {named[1].Name}";
    }

    /// <summary>The headline of an event a noun names: "North Korea's first nuclear test".</summary>
    public static string ForNoun(ArticleDocument doc, int start, int end, KnownActor? owner)
    {
        var phrase = Determiners().Replace(WithoutDates(doc, start, end).Trim(), "");
        return Finish(owner is null ? phrase : $"{owner.Name}'s {phrase}");
    }

    [GeneratedRegex(@"^(?:the|a|an|its|their|his|her)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Determiners();

    private static string WithoutDates(ArticleDocument doc, int start, int end)
    {
        var sb = new StringBuilder();
        if (end <= start)
        {
            // A trigger can run past the end of its clause: nothing follows it then.
            return "";
        }
        var at = start;
        foreach (var t in doc.Timexes)
        {
            // A war named as a period ("the Korean War") is a noun of the sentence, not a date to drop.
            if (t.Start >= at && t.End <= end && !t.Text.EndsWith("War", StringComparison.Ordinal))
            {
                // The preposition goes with its date: "on Monday", "in September 2017".
                var cut = LeadingPreposition().Match(doc.Text, at, t.Start - at);
                sb.Append(doc.Text, at, (cut.Success ? cut.Index : t.Start) - at);
                at = t.End;
            }
        }
        sb.Append(doc.Text, at, end - at);
        return sb.ToString();
    }

    private static string Finish(string headline)
    {
        var words = headline.Replace('“', ' ').Replace('”', ' ').Replace('"', ' ')
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Take(MaxWords).ToList();
        if (words.Length > MaxWords && kept.FindLastIndex(w => w == "and") is var and && and >= kept.Count - 3 && and > 2)
        {
            // A cut right after "and" leaves half a pair: end before it.
            kept.RemoveRange(and, kept.Count - and);
        }
        // Never end on a word that needs the next one.
        while (kept.Count > 2 && kept[^1].ToLowerInvariant() is "in" or "on" or "at" or "to" or "of" or "the" or "a" or "an" or "and" or "with" or "for" or "by" or "from" or "its" or "his" or "her" or "their" or "earlier" or "last" or "this" or "next")
        {
            kept.RemoveAt(kept.Count - 1);
        }
        var result = string.Join(' ', kept).Trim(' ', ',', ';', ':', '.');
        return result.Length == 0 ? "Event" : char.ToUpperInvariant(result[0]) + result[1..];
    }
}
