using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Syntax;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Events;

public static partial class MentionFinder
{
    // Stands for a verb the trigger files do not list; it matches no text of its own.
    private static readonly TriggerRule UnlistedVerb = new(EventType.Other, IsVerb: true, new Regex("(?!)"), Context: null, Example: "");

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "would", "could", "might", "may", "should", "must", "can" };

    /// <summary>
    /// A dated sentence of fact whose verb no trigger file lists ("A third drone was found on a hillside on April 6"):
    /// news the lexicon has not met is still an event of the timeline, of kind <see cref="EventType.Other"/> unless a
    /// noun of the clause names its kind. The sentence is parsed, and its main verb must have a subject, no modal and no
    /// negation, and a date of its own clause or of the fronted phrase.
    /// </summary>
    private static Mention? Unlisted(ArticleContext article, SentenceContext context)
    {
        var (text, sentence) = (article.Doc.Text, context.Sentence);
        if (!context.Dates.Exists(d => d.Type is TimexType.Date or TimexType.Time && !d.Value.EndsWith("_REF", StringComparison.Ordinal)))
        {
            return null;
        }
        var parsed = SyntaxModel.Default.Parse(EnglishTokenizer.Tokenize(text, sentence.Start, sentence.Length));
        // "The last managers left on May 3": a verb the parser hung on its subject is still the main verb.
        var root = parsed.Root is { Upos: "NOUN" or "PROPN" } nominal && parsed.Children(nominal, "acl").FirstOrDefault(v => v.Upos == "VERB" && v.Text != v.Lemma) is { } hung
            ? hung : parsed.Root;
        if (root is not { Upos: "VERB" }
            || !parsed.Tokens.Take(root.Index).Any(t => t.Upos is "NOUN" or "PROPN" or "PRON")
            || parsed.Children(root).Any(c => c.DepRel is "aux" && Modals.Contains(c.Text) || c.Lemma is "not" or "never"))
        {
            return null;
        }
        // "In 2010 he threw ...": a fronted phrase that holds the main verb is the main clause.
        if (context.Clauses.FirstOrDefault(c => c.Contains(root.Start)) is not { Role: ClauseRole.Main or ClauseRole.Coordinate or ClauseRole.Intro } clause
            || context.Quotations.Exists(q => root.Start >= q.Start && root.Start < q.End))
        {
            return null;
        }
        // "has conducted more than 100 tests since 2022": a tally is no event, whatever its verb.
        var noun = context.Triggers.FirstOrDefault(t => clause.Contains(t.Start) && !t.Rule.IsVerb);
        if (noun is not null && Stated(article, context, clause, noun, []) is null)
        {
            return null;
        }
        var trigger = new TriggerMatch(root.Start, root.End, UnlistedVerb with { Type = KindOf(text, clause, root, noun) }) { Lemma = root.Lemma };
        // "has led the country since 2000": a state that lasts is background, not news of a day.
        return Factual(text, context, clause, trigger)
            && Stated(article, context, clause, trigger, []) is { Date: not null, DateSource: DateSource.Own or DateSource.Intro } stated
            && stated.Timex?.Signal != "since"
                ? stated with { Unlisted = true } : null;
    }

    // The kind of an unlisted verb's event: a verb of telling or of travelling says it, else a noun of a kind in the clause
    // ("was superseded by a defense treaty"), else words of sanctions; otherwise it is of the kind "other".
    private static EventType KindOf(string text, Clause clause, ParsedToken verb, TriggerMatch? noun)
    {
        var rest = text.AsSpan(verb.Start, clause.End - verb.Start);
        return Cues.UnlistedStatement.IsMatch(rest) ? EventType.Statement
            : Cues.UnlistedMeeting.IsMatch(rest) ? EventType.Meeting
            : noun is not null ? noun.Rule.Type
            : Cues.UnlistedSanctions.IsMatch(rest) ? EventType.Sanctions
            : EventType.Other;
    }
}
