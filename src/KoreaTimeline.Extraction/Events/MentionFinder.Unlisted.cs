using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Syntax;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Events;

public static partial class MentionFinder
{
    // Stands for a verb the trigger files do not list; it matches no text of its own.
    private static readonly TriggerRule UnlistedVerb = new(EventType.Other, IsVerb: true, new Regex("(?!)"), Context: null, Example: "");

    // "counted 300 members as of May": a count on a day, not an event of it.
    [GeneratedRegex(@"\bas of\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOf();

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "would", "could", "might", "may", "should", "must", "can" };

    /// <summary>
    /// Dated news whose verb no trigger file lists ("A fishing trawler ran aground off the island on Tuesday"): news the lexicon
    /// has not met is still an event of the timeline, of kind <see cref="EventType.Other"/> unless its words name a kind.
    /// The sentence is parsed. A sentence that told nothing gives its main verb, dated by its own clause or the fronted
    /// phrase; any clause that told nothing and holds a date of its own gives its head verb ("..., and the coast guard towed
    /// the wreck to port on Tuesday"). The verb needs a subject before it, no modal and no negation.
    /// </summary>
    private static IEnumerable<Mention> Unlisted(ArticleContext article, SentenceContext context, IReadOnlyList<Mention> told)
    {
        var (text, sentence) = (article.Doc.Text, context.Sentence);
        var dated = context.Dates.Where(d => d.Type is TimexType.Date or TimexType.Time && !d.Value.EndsWith("_REF", StringComparison.Ordinal)).ToList();
        if (dated.Count == 0)
        {
            yield break;
        }
        // Parsing costs more than the rest of extraction: only a sentence that may hold such news is parsed.
        var open = context.Clauses.Where(clause => clause.Role is ClauseRole.Main or ClauseRole.Coordinate or ClauseRole.Subordinate or ClauseRole.Participle
            && dated.Exists(d => clause.Contains(d.Start))
            && !told.Any(m => m.Evidence.Start < clause.End && clause.Start < m.Evidence.End)
            && !context.Triggers.Exists(t => clause.Contains(t.Start))).ToList(); // the finder judged its triggers ("..., a U.S. official said on Friday")
        if (told.Count > 0 && open.Count == 0)
        {
            yield break;
        }
        var parsed = SyntaxModel.Default.Parse(EnglishTokenizer.Tokenize(text, sentence.Start, sentence.Length));
        Clause? done = null;
        if (told.Count == 0)
        {
            // "The envoys left on Friday": a verb the parser hung on its subject is still the main verb.
            var root = parsed.Root is { Upos: "NOUN" or "PROPN" } nominal && parsed.Children(nominal, "acl").FirstOrDefault(v => v.Upos == "VERB" && v.Text != v.Lemma) is { } hung
                ? hung : parsed.Root;
            // "In 2019 the navy scrapped its oldest frigate, ...": a fronted phrase that holds the main verb is the main clause.
            if (root is { Upos: "VERB" }
                && context.Clauses.FirstOrDefault(c => c.Contains(root.Start)) is { Role: ClauseRole.Main or ClauseRole.Coordinate or ClauseRole.Intro } main
                && Event(article, context, main, parsed, root, ownDate: false) is { } news)
            {
                done = main;
                yield return news;
            }
        }
        foreach (var clause in open.Where(c => c != done))
        {
            // The clause's head: its first verb whose head lies outside it (not an infinitive: "to discuss").
            var head = parsed.Tokens.FirstOrDefault(t => t.Upos == "VERB" && clause.Contains(t.Start)
                && (t.Head < 0 || !clause.Contains(parsed.Tokens[t.Head].Start))
                && !(t.Index > 0 && parsed.Tokens[t.Index - 1].Text == "to"));
            // Past news, not a state told in the present ("who chairs the panel this month"), a participle or the
            // background of a pluperfect ("had already moved its fleet in July").
            if (head is null || head.Text == head.Lemma || head.Text.EndsWith("ing", StringComparison.Ordinal) || head.Text.EndsWith('s')
                || parsed.Children(head).Any(c => c.DepRel is "aux" or "aux:pass" && c.Lemma == "have" && c.Text != "has" && c.Text != "have"))
            {
                continue;
            }
            if (Event(article, context, clause, parsed, head, ownDate: true) is { } news)
            {
                yield return news;
            }
        }
    }

    private static Mention? Event(ArticleContext article, SentenceContext context, Clause clause, ParsedSentence parsed, ParsedToken verb, bool ownDate)
    {
        var text = article.Doc.Text;
        if (!parsed.Tokens.Take(verb.Index).Any(t => t.Upos is "NOUN" or "PROPN" or "PRON")
            || parsed.Children(verb).Any(c => c.DepRel is "aux" && Modals.Contains(c.Text) || c.Lemma is "not" or "never")
            || context.Quotations.Exists(q => verb.Start >= q.Start && verb.Start < q.End))
        {
            return null;
        }
        // "has conducted more than 100 tests since 2022": a tally is no event, whatever its verb.
        var noun = context.Triggers.FirstOrDefault(t => clause.Contains(t.Start) && !t.Rule.IsVerb);
        if (noun is not null && Stated(article, context, clause, noun, []) is null)
        {
            return null;
        }
        var trigger = new TriggerMatch(verb.Start, verb.End, UnlistedVerb with { Type = KindOf(text, clause, verb, noun) }) { Lemma = verb.Lemma };
        // "has led the country since 2000": a state that lasts is background, not news of a day.
        return Factual(text, context, clause, trigger)
            && Stated(article, context, clause, trigger, []) is { Date: not null } stated
            && (stated.DateSource == DateSource.Own || !ownDate && stated.DateSource == DateSource.Intro)
            && (stated.Timex is not { } when || when.Signal != "since" && !AsOf().IsMatch(text.AsSpan(Math.Max(0, when.Start - 6), Math.Min(6, when.Start))))
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
