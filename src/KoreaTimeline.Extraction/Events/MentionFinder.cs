using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Events;

/// <summary>
/// Finds event mentions: a trigger in a clause that states a fact (not a hedge, a negation, an opinion or a
/// purpose), dated by the temporal expression that governs its clause, with the actors and place of that clause.
/// </summary>
public static partial class MentionFinder
{


    // "the first time since June": the event happened then, not ever since.
    [GeneratedRegex(@"\b(?<first>first|last|only)\s+(?:[\w'’-]+\s+){0,4}since\s+(?:(?:the|their|its|his|her|a|an)\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstSince();

    [GeneratedRegex(@"\bsince\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceBefore();

    [GeneratedRegex(@"^\s*,?\s*when\b", RegexOptions.CultureInvariant)]
    private static partial Regex WhenAfter();

    // A place after one of these words is where the event happened, not who took part.
    [GeneratedRegex(@"(?:\b(?i:in|into|to|at|near|off|toward|towards|outside|inside|(?<!\b(?i:negotiators|officials|delegates|delegations?|envoys|diplomats|troops|soldiers|leaders|ministers|experts|lawmakers|representatives|teams?|athletes|workers)\s+)from|visit|visited|visits|visiting|port\s+of|city\s+of|coast\s+of|capital\s+of|waters\s+of|(?i:sea|seas|waters|area|border|strait|zone)\s+between(?:\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+and)?)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|southeastern|southwestern|northeastern|northwestern|border|port|coastal|capital|[A-Z][\w-]+)\s+)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Locative();


    [GeneratedRegex(@"\b(?<he>he|him|his|she|her)\b|\b(?<it>it|its)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();



    // "imposed nine rounds of sanctions": a tally inside the trigger itself.
    [GeneratedRegex(@"\b(?:rounds|dozens|hundreds|scores|waves)\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rounds();

    [GeneratedRegex(@"\b(?:has|have)\s+(?:[a-z]+ly\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PerfectBefore();

    [GeneratedRegex(@"\G\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAfter();

    [GeneratedRegex(@"^,?\s*(?:in|on|of)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex InOnOf();

    [GeneratedRegex(@"\bits\s+(?:[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveIts();

    [GeneratedRegex(@"^(?:which|who)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePronoun();

    /// <summary>The mentions of every sentence, in text order.</summary>
    public static List<Mention> Find(ArticleDocument doc, TriggerLexicon lexicon, Gazetteer gazetteer)
    {
        var text = doc.Text;
        var mentions = new List<Mention>();
        // A duration that has an interval counts from the narrative's date: "two days later".
        var dates = doc.Timexes.Where(t => t.Interval is not null && t.Type is TimexType.Date or TimexType.Time or TimexType.Duration).ToList();
        var locatives = doc.Places.Where(p => Locative().IsMatch(text.AsSpan(Math.Max(0, p.Start - 40), Math.Min(40, p.Start)))).ToList();
        var article = new ArticleContext(doc, gazetteer, dates, locatives);

        var triggersBySentence = lexicon.Find(text, doc.Sentences, [.. doc.Actors.Where(a => a.Actor.Kind == "vessel").Select(a => (a.Start, a.End))]);
        for (var si = 0; si < doc.Sentences.Count; si++)
        {
            var sentence = doc.Sentences[si];
            if (Cues.Opinion.IsMatch(text.AsSpan(sentence.Start, sentence.Length)))
            {
                continue;
            }
            var clauses = ClauseSplitter.Split(text, sentence, [.. doc.Timexes.Where(t => sentence.Contains(t.Start)).Select(t => (t.Start, t.End))]);
            var triggers = triggersBySentence[si];
            // Inside a quotation someone speaks: "in preparation for additional launches" is not a launch.
            var quotations = Quotations(text, sentence);
            triggers.RemoveAll(t => quotations.Exists(q => t.Start >= q.Start && t.Start < q.End));
            // "the armistice that ended the Korean War in 1953", "the pact it signed in 2018": what the armistice ended is
            // its object, and the signing is the pact itself; neither is an event of its own.
            // Their date is the noun's alone: no other clause of the sentence takes it.
            var sentenceDates = dates.Where(t => t.Start >= sentence.Start && t.End <= sentence.End).ToList();
            var held = new List<(TriggerMatch Noun, TemporalExpression Date)>();
            foreach (var noun in triggers.Where(t => !t.Rule.IsVerb).ToList())
            {
                if (EndingClause(text, noun, sentence.End) is { } ended)
                {
                    triggers.RemoveAll(t => t.Start > noun.End && t.Start < ended);
                    held.AddRange(sentenceDates.Where(d => d.Start > ended && d.Start - ended <= 4).Select(d => (noun, d)));
                }
            }
            var context = new SentenceContext(si, sentence, clauses,
                clauses.Count > 0 && clauses[0].Role == ClauseRole.Intro ? clauses[0] : null, sentenceDates, triggers, held, quotations);

            var sentenceStart = mentions.Count;
            for (var ci = 0; ci < clauses.Count; ci++)
            {
                var clause = clauses[ci];
                // ", the agency said on Saturday" after news of another day: saying it is news of its own (an announcement).
                if (clause.Role == ClauseRole.Attribution && ci > 0
                    && triggers.FirstOrDefault(t => clause.Contains(t.Start) && t.Rule.IsSpeech) is { } says
                    && context.Dates.Exists(d => d.Start > says.End && clause.Contains(d.Start))
                    && doc.Actors.Any(a => a.Start >= clause.Start && a.End <= says.Start)
                    && !Media().IsMatch(text.AsSpan(clause.Start, says.End - clause.Start))
                    && Stated(article, context, clause, says, []) is { Date: { } saidOn } saying
                    && !mentions.Skip(sentenceStart).Any(m => m.Date is { } told && told.Overlaps(saidOn)))
                {
                    mentions.Add(saying);
                    continue;
                }
                // One event per clause: the first trigger states it; coordinated verbs ("declared ... and vowed") elaborate it.
                if (clause.Role is ClauseRole.Attribution or ClauseRole.Purpose
                    || triggers.FirstOrDefault(t => clause.Contains(t.Start)) is not { } trigger)
                {
                    continue;
                }
                // "Six-party talks in Beijing produce an agreement": the verb states the event its subject only sets.
                if (!trigger.Rule.IsVerb && triggers.FirstOrDefault(t => clause.Contains(t.Start) && t.Start > trigger.End && t.Rule.IsVerb
                        && t.Rule.Type == EventType.Agreement && Yields().IsMatch(text.AsSpan(t.Start, t.End - t.Start))) is { } yields)
                {
                    trigger = yields;
                }
                if (!Factual(text, context, clause, trigger))
                {
                    // "the first leader to visit since the 1950-53 Korean War": a past event that a noun dates is a fact
                    // whatever the clause around it says.
                    mentions.AddRange(SecondEvents(text, triggers, clause, trigger, context.Dates)
                        .Where(second => second.Date.Interval is { } d && d.End < doc.Published)
                        .Select(second => Named(article, context, clause, second.Noun, second.Date)).SelectMany(m => EachDate(text, context.Dates, m)));
                    // "aims to close gaps in the resolution, which the council adopted in March": so is a noun its relative clause dates.
                    mentions.AddRange(held.Where(h => clause.Contains(h.Noun.Start) && h.Date.Interval is { } d && d.End < doc.Published)
                        .Select(h => Named(article, context, clause, h.Noun, h.Date)));
                    continue;
                }
                TriggerMatch? teller = null;
                if (trigger.Rule.IsSpeech || trigger.Rule.ReportsObject)
                {
                    var next = ci + 1 < clauses.Count ? clauses[ci + 1] : (Clause?)null;
                    // A reported plan or hedge without a date of its own is no event; saying it is the statement.
                    // "Rutte says North Korean units have been deployed to Kursk": a state the speaker asserts is the statement.
                    if (Reported(text, triggers, trigger, clause, next) is { } reported
                        && !(trigger.Rule.IsSpeech && PassivePerfectBefore().IsMatch(text.AsSpan(Math.Max(trigger.End, reported.Start - 20), reported.Start - Math.Max(trigger.End, reported.Start - 20)))
                            && !context.Dates.Exists(d => d.Start >= reported.End && clause.Contains(d.Start)))
                        && (Factual(text, context, clause, reported) || !trigger.Rule.IsSpeech))
                    {
                        // "The JCS said the North fired two missiles": what was said is the event, not the saying. When the
                        // complement that follows states it, that clause gives the event, dated by this one if need be.
                        // "announced he would lift some sanctions": announcing a measure is the measure.
                        if (!clause.Contains(reported.Start)
                            || !Factual(text, context, clause, reported) && !(trigger.Rule.ReportsObject && reported.Rule.Type == EventType.Sanctions))
                        {
                            continue;
                        }
                        (teller, trigger) = (trigger, reported);
                    }
                    else if (!SaysSomething(text, clause, trigger, next) || Assesses(text, clause, trigger, next))
                    {
                        continue; // "..., the agency reported": who tells what the sentence already said
                    }
                }
                // A date that a later noun of another kind holds ("months after its first nuclear test in 2006") is that
                // noun's event's date, not the clause's.
                var seconds = SecondEvents(text, triggers, clause, trigger, context.Dates);
                // "test-fired a missile on April 2 and launched two more on April 9": each verb of the kind keeps its own date.
                var twice = DatedTwice(text, context, clause, trigger);
                if (Stated(article, twice is { } split ? context with { Dates = [.. context.Dates.Where(d => !clause.Contains(d.Start) || d.Start < split.At)] } : context,
                        clause, trigger, seconds) is { } stated)
                {
                    if (twice is { } cut)
                    {
                        var (start, length) = (stated.Evidence.Start, text.AsSpan(stated.Evidence.Start, cut.At - stated.Evidence.Start).TrimEnd(" ,").Length);
                        stated = stated with { Evidence = new EvidenceSpan(start, start + length, text.Substring(start, length)) };
                    }
                    stated = stated with
                    {
                        DatedBySaying = teller is not null && stated.DateSource == DateSource.Own && stated.Timex is { } toldOn
                            && toldOn.End <= trigger.Start && toldOn.Start >= teller.End - 40,
                        Separate = OneMore(text, clause, trigger)
                            || context.Intro is { } intro && clause.Role == ClauseRole.Main && OneMoreBefore().IsMatch(text.AsSpan(intro.Start, intro.End - intro.Start)),
                    };
                    article.NoteStoryDay(stated);
                    mentions.AddRange(EachDate(text, context.Dates, Earlier(doc, mentions, stated)));
                    // "named an envoy on Friday following a meeting with Moon": the meeting before it, that day, is an event too.
                    if (stated.Date is not null
                        && triggers.FirstOrDefault(t => t.Start > trigger.End && clause.Contains(t.Start) && t.Rule.Type != trigger.Rule.Type
                            && FollowingBefore().IsMatch(text.AsSpan(Math.Max(clause.Start, t.Start - 30), t.Start - Math.Max(clause.Start, t.Start - 30)))) is { } before
                        && !context.Dates.Exists(d => d.Start > before.End && clause.Contains(d.Start))
                        && Stated(article, context, clause, before, seconds) is { } preceding)
                    {
                        mentions.Add(preceding with
                        {
                            Date = stated.Date, Timex = stated.Timex, DateSource = stated.DateSource,
                            Evidence = new EvidenceSpan(before.Start, clause.End, text[before.Start..clause.End]),
                        });
                    }
                    if (Outcome(text, triggers, clause, stated) is { } outcome)
                    {
                        mentions.Add(outcome);
                    }
                    // "denounced the statement and pulled out of the talks": a coordinated verb of another kind is an event too.
                    if (triggers.FirstOrDefault(t => t.Start > trigger.End && clause.Contains(t.Start) && t.Rule.IsVerb && !t.Rule.IsSpeech
                            && t.Rule.Type != trigger.Rule.Type && AndBefore().IsMatch(text.AsSpan(trigger.End, t.Start - trigger.End))) is { } coordinated
                        && Stated(article, context, clause, coordinated, seconds) is { } also)
                    {
                        mentions.Add(also with { Evidence = new EvidenceSpan(coordinated.Start, clause.End, text[coordinated.Start..clause.End]) });
                    }
                    // "fired three missiles in the morning and another one in the evening": a second event of the kind.
                    if (triggers.FirstOrDefault(t => t.Start > trigger.End && clause.Contains(t.Start) && t.Rule.IsVerb && t.Rule.Type == trigger.Rule.Type
                            && OneMore(text, clause, t)) is { } more
                        && Stated(article, context, clause, more, seconds) is { } another)
                    {
                        mentions.Add(another with { Separate = true, Evidence = new EvidenceSpan(more.Start, clause.End, text[more.Start..clause.End]) });
                    }
                }
                if (twice is { } later
                    && Stated(article, context with { Dates = [.. context.Dates.Where(d => !clause.Contains(d.Start) || d.Start >= later.At)] }, clause, later.Second, seconds) is { } again)
                {
                    mentions.Add(again with { Separate = true, Evidence = new EvidenceSpan(later.Part, clause.End, text[later.Part..clause.End]) });
                }
                mentions.AddRange(seconds.Select(second => Named(article, context, clause, second.Noun, second.Date)).SelectMany(m => EachDate(text, context.Dates, m)));
            }
            DropSayingsOfEvents(text, mentions, sentenceStart, clauses);
            mentions.AddRange(Unlisted(article, context, mentions[sentenceStart..]));
        }
        return mentions;
    }

    /// <summary>
    /// "The ministry announced on Monday [that it was suspending the drills]": when what was said gives an event of
    /// another kind on the saying's day, that event is the news and the saying only attributes it. A saying about an
    /// event of another day ("said on Tuesday that the North fired a missile on Sunday") is news of its own, and so is a
    /// saying about an event told before ("the agency said on Tuesday that the test used a smaller device").
    /// </summary>
    private static void DropSayingsOfEvents(string text, List<Mention> mentions, int sentenceStart, List<Clause> clauses)
    {
        for (var i = mentions.Count - 1; i >= sentenceStart; i--)
        {
            var saying = mentions[i];
            var k = clauses.IndexOf(saying.Clause);
            if ((saying.Trigger.Rule.IsSpeech || saying.Trigger.Rule.ReportsObject) && k >= 0 && k + 1 < clauses.Count && clauses[k + 1] is { Role: ClauseRole.Complement } said
                && mentions.Skip(sentenceStart).Any(m => said.Contains(m.Trigger.Start) && m.Trigger.Rule.Type != EventType.Statement
                    && (saying.Date is null || m.Date == saying.Date) && !ToldBefore(text, mentions, sentenceStart, m)))
            {
                mentions.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// "the underground test used a smaller device": a definite noun of an event of that kind and day that an earlier
    /// sentence told. What is said about it is news; the noun only refers back.
    /// </summary>
    private static bool ToldBefore(string text, List<Mention> mentions, int sentenceStart, Mention reference) =>
        !reference.IsVerb && reference.Date is { } day
        && DefiniteBefore().IsMatch(text.AsSpan(Math.Max(0, reference.Trigger.Start - 24), Math.Min(24, reference.Trigger.Start)))
        && mentions.Take(sentenceStart).Any(m => m.Type == reference.Type && (m.Date is not { } told || told.Overlaps(day)));

    [GeneratedRegex(@"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DefiniteBefore();

    // Who passes the news on rather than making it: "the news agency reported", "state media said".
    [GeneratedRegex(@"\b(?:news|newspaper|media|daily|broadcaster|television|TV|radio|reported|reports)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Media();

    [GeneratedRegex(@"\b(?:following|after)\s+(?:a|an|the|their|his|her|its)\s+(?:[\w'’-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FollowingBefore();

    [GeneratedRegex(@"\s+and\s+(?:then\s+|later\s+|also\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AndBefore();

    [GeneratedRegex(@"^\s*or\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex OrBetween();

    /// <summary>
    /// "fired a missile on April 2 and launched two more on April 9", "On May 3, it fired a rocket, and on May 5 it fired
    /// another": a later verb of the same kind after "and" with a day of its own, when the first verb has a different one
    /// before that "and" (in its clause or the sentence's fronted phrase). Returns that verb, where the "and" begins and
    /// where the part after it begins.
    /// </summary>
    private static (TriggerMatch Second, int At, int Part)? DatedTwice(string text, SentenceContext context, Clause clause, TriggerMatch first)
    {
        if (!first.Rule.IsVerb || first.Rule.IsSpeech
            || context.Triggers.FirstOrDefault(t => t.Start > first.End && clause.Contains(t.Start) && t.Rule.IsVerb && t.Rule.Type == first.Rule.Type) is not { } second
            || CoordinatingAnd().Matches(text[first.End..second.Start]).LastOrDefault() is not { } and)
        {
            return null;
        }
        var at = first.End + and.Index;
        var after = context.Dates.FirstOrDefault(d => d.Start >= at && d.End <= clause.End && d.Type == TimexType.Date);
        var before = context.Dates.LastOrDefault(d => d.Type == TimexType.Date && d.End <= at
            && (clause.Contains(d.Start) || context.Intro is { } intro && intro.Contains(d.Start)));
        return after?.Interval is { } later && before?.Interval is { } earlier && later != earlier ? (second, at, at + and.Length) : null;
    }

    [GeneratedRegex(@",?\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatingAnd();

    // "fired another one", "launched a second missile", "Earlier in the day, the navy fired ...": one more event of its kind.
    private static bool OneMore(string text, Clause clause, TriggerMatch trigger) =>
        OneMoreAfter().IsMatch(text.AsSpan(trigger.End, Math.Min(30, Math.Max(0, clause.End - trigger.End))))
        || OneMoreWithin().IsMatch(text.AsSpan(trigger.Start, trigger.End - trigger.Start))
        || OneMoreBefore().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start))
        || trigger.Rule.IsVerb && AlsoBefore().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start));

    // "The navy also fired two rockets": one more act besides the one told.
    [GeneratedRegex(@"\balso\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex AlsoBefore();

    [GeneratedRegex(@"^\s+(?:another|a\s+(?:second|third|fourth|further)|one\s+more)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OneMoreAfter();

    [GeneratedRegex(@"\s(?:another|one\s+more|two\s+more|a\s+second)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OneMoreWithin();

    [GeneratedRegex(@"^(?:Earlier|Later)\s+(?:in\s+the\s+day|that\s+day|the\s+same\s+day)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OneMoreBefore();

    // No hedge before the trigger in its clause, and no plan unless the clause dates it: "talks would resume on Tuesday".
    private static bool Factual(string text, SentenceContext context, Clause clause, TriggerMatch trigger)
    {
        var before = text.AsSpan(clause.Start, trigger.Start - clause.Start);
        return !Cues.Hedge.IsMatch(before) && (!Cues.Scheduled.IsMatch(before) || context.Dates.Exists(d => clause.Contains(d.Start)));
    }

    [GeneratedRegex(@"^\s*(?:,\s*(?:and\s+)?|and\s+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    /// <summary>
    /// "tests in 2006, 2009 and 2013", "summits in 2000 and 2007": one event per date of a list, sharing the quote.
    /// "in May or June" stays one event (the text does not know which).
    /// </summary>
    private static IEnumerable<Mention> EachDate(string text, List<TemporalExpression> dates, Mention mention)
    {
        yield return mention;
        if (mention.Timex is not { } timex || mention.DateSource != DateSource.Own || dates.IndexOf(timex) is var i && i < 0)
        {
            yield break;
        }
        var (first, last) = (i, i);
        while (first > 0 && Listed(dates[first - 1], dates[first]))
        {
            first--;
        }
        while (last + 1 < dates.Count && Listed(dates[last], dates[last + 1]))
        {
            last++;
        }
        for (var j = first; j <= last; j++)
        {
            if (j != i && dates[j].Interval is { } other)
            {
                yield return mention with { Timex = dates[j], Date = other };
            }
        }

        bool Listed(TemporalExpression a, TemporalExpression b) =>
            a.End <= b.Start && b.Start - a.End <= 6 && a.Type == TimexType.Date && b.Type == TimexType.Date
            && a.Interval is { } x && b.Interval is { } y && x.Precision == y.Precision
            && ListSeparator().IsMatch(text.AsSpan(a.End, b.Start - a.End));
    }

    // "The spokesman said", "Officials told reporters": a speaker named by office.
    [GeneratedRegex(@"\b(?:spokes(?:man|woman|person)|minister|official|officials|ministry|government|military|agency|office|president|leader|envoy|ambassador|secretary|police|army|navy|command|council)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledSubject();

    [GeneratedRegex(@"^\s+(?:between|with)\s", RegexOptions.CultureInvariant)]
    private static partial Regex BetweenOrWith();

    // "the meeting between Kim and Xi", "talks with Seoul": the trigger (which may end in the preposition) names its parties.
    private static bool NamesParties(string text, TriggerMatch trigger, int clauseEnd) =>
        text.AsSpan(trigger.Start, trigger.End - trigger.Start) is var t && (t.EndsWith(" between", StringComparison.OrdinalIgnoreCase) || t.EndsWith(" with", StringComparison.OrdinalIgnoreCase))
        || trigger.End < clauseEnd && BetweenOrWith().IsMatch(text.AsSpan(trigger.End, clauseEnd - trigger.End));

    private static bool AloneOnLine(string text, TemporalExpression t)
    {
        var lineStart = t.Start == 0 ? 0 : text.LastIndexOf('\n', t.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', t.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        return HeadingPunctuation().IsMatch(text.AsSpan(lineStart, t.Start - lineStart))
            && HeadingPunctuation().IsMatch(text.AsSpan(t.End, lineEnd - t.End));
    }

    [GeneratedRegex(@"^[\s\-–—:*#.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPunctuation();

    [GeneratedRegex(@"^(?:this|the\s+current)\s+(?:month|year)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThisPeriod();

    [GeneratedRegex(@"^P(?<n>\d+)(?<unit>[DWMY])$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeDuration();

    [GeneratedRegex(@"^\s+(?<dir>after|before)\s", RegexOptions.CultureInvariant)]
    private static partial Regex AfterOrBefore();

    /// <summary>
    /// "The carrier arrived on Tuesday, a week after North Korea launched an ICBM": the launch is the earlier event, a week
    /// before the one the sentence dated (else the article date), not a week after the narrative.
    /// </summary>
    private static Mention Earlier(ArticleDocument doc, List<Mention> mentions, Mention mention)
    {
        var text = doc.Text;
        var duration = doc.Timexes.LastOrDefault(t => t.Type == TimexType.Duration && mention.Clause.Contains(t.Start) && t.End <= mention.Trigger.Start
            && AfterOrBefore().IsMatch(text.AsSpan(t.End, Math.Min(8, text.Length - t.End))));
        // "The launch came hours after the envoy left": no duration to count, the same day as the event it follows.
        var hours = duration is null && mention.Date is null && mention.Trigger.Rule.IsVerb
            && HoursBefore().IsMatch(text.AsSpan(mention.Clause.Start, mention.Trigger.Start - mention.Clause.Start));
        // "Hours later, the North said ...": the day of the last event told.
        if (duration is null && mention.Date is null && mention.Trigger.Rule.IsVerb
            && HoursLater().IsMatch(text.AsSpan(mention.Sentence.Start, mention.Trigger.Start - mention.Sentence.Start))
            && mentions.LastOrDefault(m => m.SentenceIndex < mention.SentenceIndex && m.Date is not null) is { Date: { } told })
        {
            return mention with { Date = DateInterval.Day(told.End), DateSource = DateSource.Narrative };
        }
        if (!hours && (duration is null || WholeDuration().Match(duration.Value) is not { Success: true }
            || mention.DateSource == DateSource.Own && mention.Timex is { } own && own != duration))
        {
            return mention; // "a year after the army resumed the broadcasts in June last year": its own date holds
        }
        // The event the offset counts from: one the sentence dated, else the event told earlier that the sentence's noun
        // refers back to ("The launches came a day after ..."; a launch told, not one named in passing), else the article date.
        var sentence = mentions.Where(m => m.SentenceIndex == mention.SentenceIndex).ToList();
        var anchor = sentence.LastOrDefault(m => m.Date is not null)?.Date?.Start
            ?? (sentence.FirstOrDefault(m => !m.Trigger.Rule.IsVerb && m.Date is null) is { } noun
                ? mentions.LastOrDefault(m => m.SentenceIndex < noun.SentenceIndex && m.Type == noun.Type && m.Date is not null && m.Trigger.Rule.IsVerb)?.Date?.Start
                : null)
            ?? doc.Published;
        if (hours)
        {
            return mention with { Date = DateInterval.Day(anchor), DateSource = DateSource.Narrative };
        }
        var d = WholeDuration().Match(duration!.Value);
        var signal = AfterOrBefore().Match(text, duration.End, Math.Min(8, text.Length - duration.End));
        return mention with { Date = DateInterval.Day(Shift(anchor, d, signal.Groups["dir"].Value == "after" ? -1 : 1)) };
    }

    [GeneratedRegex(@"\b(?:hours|minutes|moments|shortly|just|soon)\s+(?:after|before)\s+(?:[\w'’.-]+\s+){1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex HoursBefore();

    [GeneratedRegex(@"^(?:Hours|Minutes|Moments|Shortly)\s+(?:later|afterwards?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HoursLater();

    // A day moved by a whole duration ("P2D", "P1W") matched by WholeDuration, forwards (+1) or backwards (-1).
    private static DateOnly Shift(DateOnly day, Match duration, int direction)
    {
        var n = int.Parse(duration.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) * direction;
        return duration.Groups["unit"].Value switch
        {
            "D" => day.AddDays(n),
            "W" => day.AddDays(7 * n),
            "M" => day.AddMonths(n),
            _ => day.AddYears(n),
        };
    }

    [GeneratedRegex(@"\G\s*(?<dir>after|before)\s", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSignal();

    [GeneratedRegex(@"^hours\s+(?<dir>after|before)\s", RegexOptions.CultureInvariant)]
    private static partial Regex HoursOffset();

    /// <summary>
    /// "The drill was held hours before the launch on Monday": an undated clause followed by an offset to a dated event
    /// takes that event's day moved by the offset (the tagger's duration; hours keep the day).
    /// </summary>
    private static DateInterval? OffsetFromNext(ArticleDocument doc, SentenceContext sentence, Clause clause)
    {
        var text = doc.Text;
        var k = sentence.Clauses.IndexOf(clause);
        if (k < 0 || k + 1 >= sentence.Clauses.Count || sentence.Clauses[k + 1] is not { Role: ClauseRole.Subordinate } next
            || sentence.Dates.LastOrDefault(d => next.Contains(d.Start) && d.Type == TimexType.Date) is not { Interval: { Precision: DatePrecision.Day } other })
        {
            return null;
        }
        if (HoursOffset().IsMatch(text.AsSpan(next.Start, next.End - next.Start)))
        {
            return DateInterval.Day(other.Start);
        }
        return doc.Timexes.FirstOrDefault(t => t.Type == TimexType.Duration && t.Start == next.Start) is { } duration
            && WholeDuration().Match(duration.Value) is { Success: true } d
            && OffsetSignal().Match(text, duration.End, next.End - duration.End) is { Success: true } signal
            ? DateInterval.Day(Shift(other.Start, d, signal.Groups["dir"].Value == "before" ? -1 : 1))
            : null;
    }

    // "said the rocket appeared to break up": what is said is an estimate about facts, so the saying only attributes it.
    private static bool Assesses(string text, Clause clause, TriggerMatch speech, Clause? next)
    {
        var (start, end) = next is { Role: ClauseRole.Complement } c ? (c.Start, c.End) : (speech.End, clause.End);
        if (end <= start)
        {
            return false;
        }
        var said = text.AsSpan(start, end - start);
        return Cues.Assessment.IsMatch(said) || Cues.Commentary.IsMatch(said.TrimStart());
    }

    // A saying states something when words follow it in its clause, or a complement ("said that ...") follows the clause.
    private static bool SaysSomething(string text, Clause clause, TriggerMatch speech, Clause? next)
    {
        if (next is { Role: ClauseRole.Complement })
        {
            return true;
        }
        var rest = text.AsSpan(speech.End, Math.Max(0, clause.End - speech.End));
        return !SaidOn().IsMatch(rest) && !AnyDate().IsMatch(rest);
    }

    [GeneratedRegex(@"^\s*(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyDate();

    // What may stand between a verb of saying and its own date: "said late on Friday", "told reporters on Monday".
    [GeneratedRegex(@"^\s*(?:reporters\s+|journalists\s+)?(?:(?:at|in|during)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:briefing|conference|interview|speech|statement|release|meeting|address)\s+)?(?:(?:late|early)\s+)?(?:on|in|at|last|this|earlier|later)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SaidOn();

    // The event a verb of saying reports: a verb trigger of another kind after it, in its clause or the complement after it.
    // A noun right after it is its object: "Tokyo confirmed the launch" tells of the launch.
    private static TriggerMatch? Reported(string text, List<TriggerMatch> triggers, TriggerMatch speech, Clause clause, Clause? next) =>
        triggers.FirstOrDefault(t => t.Start > speech.End && !t.Rule.IsSpeech && t.Rule.Type != EventType.Statement
            // "said the North broke the rules by testing a rocket": how the speaker judges a deed, not news of it.
            && !ByGerund().IsMatch(text.AsSpan(Math.Max(speech.End, t.Start - 4), t.Start - Math.Max(speech.End, t.Start - 4)))
            && (speech.Rule.ReportsObject && clause.Contains(t.Start) && ObjectOf().IsMatch(text.AsSpan(speech.End, t.Start - speech.End))
                // "announced he would lift some sanctions"
                || speech.Rule.ReportsObject && t.Rule.Type == EventType.Sanctions && clause.Contains(t.Start)
                    && WouldOf().IsMatch(text.AsSpan(speech.End, t.Start - speech.End))
                || speech.Rule.IsSpeech && t.Rule.IsVerb && (clause.Contains(t.Start) || next is { Role: ClauseRole.Complement } c && c.Contains(t.Start))
                // "said two bombers joined the exercise": taking part in an event told is that event.
                || speech.Rule.IsSpeech && !t.Rule.IsVerb && clause.Contains(t.Start) && Cues.Participation.IsMatch(text.AsSpan(speech.End, t.Start - speech.End))));

    [GeneratedRegex(@"^\s+(?:(?:the|a|an|its|their|his|her|this)\s+)?(?:(?!(?:that|it|he|she|they|we|which|who)\b)[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectOf();

    private sealed record ArticleContext(ArticleDocument Doc, Gazetteer Gazetteer, List<TemporalExpression> Dates, List<PlaceMention> Locatives)
    {
        /// <summary>Dates that stand alone on their line ("- December 4 -", "Dec. 4:"): headings of a chronology.</summary>
        private readonly List<TemporalExpression> _headings = [.. Dates.Where(t => t.Type == TimexType.Date && AloneOnLine(Doc.Text, t))];

        /// <summary>The heading above <paramref name="position"/>, in an earlier paragraph, if the text has headings.</summary>
        public TemporalExpression? HeadingAt(int position) =>
            _headings.LastOrDefault(h => h.End <= position) is { } h && Doc.Text.AsSpan(h.End, position - h.End).Contains('\n') ? h : null;

        /// <summary>
        /// The day the lead dates its news ("North Korea fired a missile on Wednesday"), within a week before the article
        /// date: undated reactions in the story happened that day, not on the day the article came out.
        /// </summary>
        public DateOnly? StoryDay { get; private set; }

        public void NoteStoryDay(Mention mention)
        {
            if (StoryDay is null && mention.SentenceIndex <= 1 && mention.DateSource == DateSource.Own
                && mention.Date is { Precision: DatePrecision.Day } d && d.Start <= Doc.Published && d.Start >= Doc.Published.AddDays(-7))
            {
                StoryDay = d.Start;
            }
        }

        /// <summary>The country the article names most often, itself or through its people and bodies: who the story is about.</summary>
        public KnownActor? Protagonist => Leading.FirstOrDefault();

        /// <summary>
        /// The two countries the story names most: the parties of its talks and deals. Ships do not count: "the carrier"
        /// told ten times does not make a story about the state whose navy sails it; nor do places ("landed off Japan").
        /// </summary>
        public List<KnownActor> Leading { get; } = [.. Doc.Actors
            .Where(a => a.Actor.Kind != "vessel" && !Locatives.Exists(p => p.Start < a.End && a.Start < p.End))
            .Select(a => a.Actor.Kind == "country" ? a.Actor : Gazetteer.Country(a.Actor.Country))
            .OfType<KnownActor>()
            .GroupBy(a => a.Name)
            .OrderByDescending(g => g.Count())
            .Select(g => g.First())
            .Take(2)];

        /// <summary>
        /// Talks, deals, summits and cooperation take two: when such an event names one of the story's two leading
        /// countries and no other country, the other leading country is its other party.
        /// </summary>
        public List<KnownActor> WithCounterpart(TriggerRule rule, List<KnownActor> actors)
        {
            if (!rule.Mutual && rule.Type is not (EventType.Negotiation or EventType.Agreement or EventType.Summit or EventType.Cooperation) || Leading.Count < 2)
            {
                return actors;
            }
            var countries = actors.Select(a => a.Kind == "country" ? a.Name : a.Country).OfType<string>().Distinct().ToList();
            return countries.Count == 1 && Leading.FirstOrDefault(c => c.Name != countries[0]) is { } other && Leading.Exists(c => c.Name == countries[0])
                ? [.. actors, other]
                : actors;
        }
    }

    /// <summary>
    /// The actors of an event the clause names no one for: the owner of "its launch", "the North's test", else the
    /// story's protagonist (wire copy leaves out whom the whole story is about).
    /// </summary>
    private static (List<KnownActor> Actors, bool Assumed) Known(ArticleContext article, TriggerMatch trigger, List<KnownActor> actors)
    {
        // "the Korean War", "the Foal Eagle drills": an event whose name says who takes part.
        if (trigger.Rule.Parties is { Count: > 0 } parties)
        {
            var named = parties.Select(article.Gazetteer.Country).OfType<KnownActor>().Where(c => !actors.Exists(a => a.Name == c.Name)).ToList();
            actors = [.. actors.Where(a => a.Kind != "country" || parties.Contains(a.Name) || a.Leader), .. named];
        }
        if (actors.Count > 0)
        {
            return (actors, false);
        }
        if (TheTwoLeaders(article.Doc, Math.Max(0, trigger.Start - 12), trigger.End) is { Count: 2 } two)
        {
            return ([.. two, .. two.Select(l => article.Gazetteer.Country(l.Country)).OfType<KnownActor>()], false);
        }
        if (Possessor(article.Doc, trigger) is { } owner)
        {
            return ([owner, .. article.Gazetteer.Country(owner.Country) is { } c ? [c] : Array.Empty<KnownActor>()], false);
        }
        return article.Protagonist is { } protagonist ? ([protagonist], true) : ([], false);
    }

    private sealed record SentenceContext(
        int Index, Sentence Sentence, List<Clause> Clauses, Clause? Intro, List<TemporalExpression> Dates, List<TriggerMatch> Triggers,
        List<(TriggerMatch Noun, TemporalExpression Date)> Held, List<(int Start, int End)> Quotations);

    /// <summary>The event the clause states through its first trigger, or null for a tally ("nine rounds of sanctions").</summary>
    private static Mention? Stated(
        ArticleContext article, SentenceContext sentence, Clause clause, TriggerMatch trigger, List<(TriggerMatch Noun, TemporalExpression Date)> seconds)
    {
        var (doc, text, intro) = (article.Doc, article.Doc.Text, sentence.Intro);
        // A tally ("more than 20 launches"), not a year ("the 1950-53 Korean War").
        if (!trigger.Rule.IsVerb && Cues.Aggregate.Match(text, clause.Start, trigger.Start - clause.Start) is { Success: true } tally
            && !sentence.Dates.Exists(d => d.Start <= tally.Index && tally.Index < d.End)
            || Rounds().IsMatch(text.AsSpan(trigger.Start, trigger.End - trigger.Start)))
        {
            return null;
        }
        var speaker = clause.Role == ClauseRole.Complement && sentence.Clauses.IndexOf(clause) is > 0 and var k ? sentence.Clauses[k - 1] : (Clause?)null;
        // (and any date between such a noun and its own: "the armistice that ended the Korean War in 1953")
        var candidates = seconds.Count == 0 && sentence.Held.Count == 0 ? sentence.Dates
            : [.. sentence.Dates.Where(d => !sentence.Held.Exists(h => h.Date == d && h.Noun != trigger) && !seconds.Exists(x => x.Date == d || d.Start >= x.Noun.End && d.End <= x.Date.Start))];
        if (trigger.Rule.IsSpeech)
        {
            // "said on Friday that ...": a saying is dated next to its verb; a date further on belongs to what was said.
            candidates = [.. candidates.Where(d => d.Start < trigger.Start || d.Start >= trigger.End && SaidOn().IsMatch(text.AsSpan(trigger.End, d.Start - trigger.End)))];
        }
        else if (trigger.Rule.IsVerb && trigger.End < clause.End && Cues.Speech.Match(text, trigger.End, clause.End - trigger.End) is { Success: true } then)
        {
            // "welcomed the measures and said Seoul would act later this month": what is said after it has its own time.
            var saidAt = then.Index + then.Length;
            candidates = [.. candidates.Where(d => d.Start < saidAt || SaidOn().IsMatch(text.AsSpan(saidAt, d.Start - saidAt)))];
        }
        if (trigger.Rule.IsVerb && !trigger.Rule.IsSpeech && trigger.End < clause.End
            && ObjectRelative().Match(text, trigger.End, clause.End - trigger.End) is { Success: true } relative)
        {
            // "agreed to restore a hotline that Pyongyang cut off in April": a relative clause on the object has its own time.
            candidates = [.. candidates.Where(d => d.Start < relative.Index)];
        }
        if (trigger.Rule.IsVerb
            && sentence.Triggers.FirstOrDefault(t => t.Start > trigger.End && clause.Contains(t.Start) && t.Rule.IsVerb && !t.Rule.IsSpeech && t.Rule.Type != trigger.Rule.Type
                && AndBefore().IsMatch(text.AsSpan(trigger.End, t.Start - trigger.End))) is { } coordinated
            && candidates.Exists(d => d.Start > coordinated.End && clause.Contains(d.Start)))
        {
            // "promised stern action and called a meeting for Friday": the date after the second verb is that verb's.
            candidates = [.. candidates.Where(d => d.Start < coordinated.Start || !clause.Contains(d.Start))];
        }
        // "the sanctions resolution, which the council adopted in March": the relative clause after the comma dates its noun.
        var held = sentence.Held.FirstOrDefault(h => h.Noun == trigger && !clause.Contains(h.Date.Start)).Date;
        var (timex, source) = held is not null ? (held, DateSource.Own) : Governing(doc, sentence.Sentence.Start, clause, intro, speaker, trigger, candidates);
        if (timex is not null && NamesTheLaterEvent(text, trigger, timex))
        {
            (timex, source) = (null, DateSource.None);
        }
        if ((timex is null || timex.Type == TimexType.Time) && article.HeadingAt(clause.Start) is { } heading)
        {
            (timex, source) = (heading, DateSource.Intro); // "- December 4 -" dates the entries under it, and their clock times
        }
        // A noun that names its own period ("since the Korean War") happened in that period.
        var date = timex is null ? null : timex.Start <= trigger.Start && trigger.End <= timex.End ? timex.Interval : Interval(doc, timex, clause, intro, source);
        // "in May or June": the text does not know which, so the event spans both.
        if (date is { } first && timex is not null && sentence.Dates.FirstOrDefault(d => d.Start > timex.End && d.Start - timex.End <= 5
                && d.Interval is { } second && second.Precision == first.Precision && second.Start > first.End
                && OrBetween().IsMatch(text.AsSpan(timex.End, d.Start - timex.End)))?.Interval is { } either)
        {
            date = new DateInterval(first.Start, either.End, DatePrecision.Range);
        }
        if (date is null && OffsetFromNext(doc, sentence, clause) is { } offset)
        {
            (date, source) = (offset, DateSource.Own); // "The drill was held two days before the launch on Monday"
        }
        var fallback = date is null ? Fallback(doc, article.Dates, article.StoryDay ?? doc.Published, sentence.Index, clause, trigger, intro is not null) : null;
        // "On Tuesday Tokyo walked away from the pact, after the navy fired a missile": that day, unless the story tells
        // of such an event in the days before it.
        var preceding = date is null && intro is { } fr && clause.Role is ClauseRole.Main or ClauseRole.Coordinate && OpensAfter().IsMatch(text.AsSpan(clause.Start, Math.Min(8, clause.End - clause.Start)))
            && sentence.Dates.FirstOrDefault(t => t.Start >= fr.Start && t.End <= fr.End) is { Interval: { } frontedDay } fronted
                ? (fronted, frontedDay) : ((TemporalExpression, DateInterval)?)null;
        if (preceding is { } p)
        {
            (timex, fallback) = (p.Item1, (p.Item2, DateSource.Intro));
        }
        // "In an inaugural address on Tuesday, Lee pledged ...": the fronted setting of a statement is part of it.
        var evidenceStart = intro is { } i && clause.Role == ClauseRole.Main
            && (source == DateSource.Intro || trigger.Rule.Type == EventType.Statement && SpeechSetting().IsMatch(text.AsSpan(i.Start, i.End - i.Start)))
                ? i.Start : clause.Start;
        // A noun names an event its clause may only react to ("the launch drew condemnation from Washington"):
        // its actors and place count only when the clause takes part in it.
        var takesPart = trigger.Rule.IsVerb || clause.Role == ClauseRole.Intro
            || Cues.Participation.IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start))
            || NamesParties(text, trigger, clause.End); // "the meeting between Kim and Xi"
        var (known, assumed) = Known(article, trigger, takesPart ? ActorsOf(doc, article.Gazetteer, sentence, clause, trigger, article.Locatives) : []);
        var actors = article.WithCounterpart(trigger.Rule, known);
        var place = !takesPart ? null : PlaceOf(article.Locatives, clause) ?? (intro is { } ip ? PlaceOf(article.Locatives, ip) : null);
        var complement = sentence.Clauses.SkipWhile(c => c != clause).Skip(1).FirstOrDefault() is { Role: ClauseRole.Complement } said ? said : (Clause?)null;
        return new Mention
        {
            Trigger = trigger,
            SentenceIndex = sentence.Index,
            Sentence = sentence.Sentence,
            Clause = clause,
            Evidence = held is not null && held.End > clause.End
                ? new EvidenceSpan(evidenceStart, held.End, text[evidenceStart..held.End])
                : new EvidenceSpan(evidenceStart, clause.End, text[evidenceStart..clause.End]),
            Timex = timex,
            Date = date,
            Preceding = preceding is not null,
            DateSource = date is null ? DateSource.None : source,
            FallbackDate = date is null ? fallback?.Date : null,
            FallbackSource = date is null && fallback is { } f ? f.Source : DateSource.None,
            Actors = actors,
            ActorsAssumed = assumed,
            Place = place,
            Headline = Headlines.For(doc, clause, trigger, actors, intro, complement),
            Perfect = trigger.Rule.IsVerb && PerfectBefore().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start)),
            NamesSpeaker = doc.Actors.Any(a => a.Start >= clause.Start && a.End <= trigger.Start || clause.HasSubject && a.Start >= clause.SubjectStart && a.End <= clause.SubjectEnd) || TitledSubject().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start)),
        };
    }

    /// <summary>
    /// The earlier event a dated noun names inside a clause: "... since its first nuclear test in 2006",
    /// "their 2019 summit in Vladivostok".
    /// </summary>
    private static Mention Named(ArticleContext article, SentenceContext sentence, Clause clause, TriggerMatch noun, TemporalExpression date)
    {
        var text = article.Doc.Text;
        var (start, end) = (Math.Min(noun.Start, date.Start), Math.Max(noun.End, date.End));
        if (end < clause.End && PlaceAfter().Match(text, end, clause.End - end) is { Success: true } where)
        {
            end += where.Length; // "the 2019 summit in Vladivostok"
        }
        var possessor = Possessor(article.Doc, noun);
        // "Thursday's meeting between President Trump and Chinese President Xi": the parties the noun names.
        // "the six-party talks", "a US-Japan defence pact": the parties named inside the noun itself.
        var parties = article.Doc.Actors.Where(a => a.Start < noun.End && noun.Start < a.End).Select(a => a.Actor).ToList();
        if (NamesParties(text, noun, clause.End))
        {
            foreach (var a in article.Doc.Actors.Where(a => a.Start >= noun.End && a.End <= clause.End
                && !article.Locatives.Exists(p => p.Start < a.End && a.Start < p.End)))
            {
                parties.Add(a.Actor);
                if (article.Gazetteer.Country(a.Actor.Country) is { } country)
                {
                    parties.Add(country);
                }
            }
            // "Kim's talks with Putin": the owner is the other party.
            if (possessor is not null && !text.AsSpan(noun.Start, noun.End - noun.Start).EndsWith("between", StringComparison.OrdinalIgnoreCase)
                && !text.AsSpan(noun.End).TrimStart().StartsWith("between", StringComparison.Ordinal))
            {
                parties.Insert(0, possessor);
            }
        }
        // "the armistice that ended the war in 1953" is headed by its noun, not by half its relative clause.
        var (headStart, headEnd) = date.Start - noun.End > 4 ? (noun.Start, noun.End) : (start, end);
        if (parties.Count == 0)
        {
            parties.AddRange(TheTwoLeaders(article.Doc, Math.Max(clause.Start, noun.Start - 12), noun.End));
        }
        var (known, assumed) = Known(article, noun, [.. parties.DistinctBy(a => a.Name)]);
        return new Mention
        {
            Trigger = noun,
            SentenceIndex = sentence.Index,
            Sentence = sentence.Sentence,
            Clause = clause,
            Evidence = new EvidenceSpan(start, end, text[start..end]),
            Timex = date,
            Date = date.Interval,
            DateSource = DateSource.Own,
            Actors = noun.Rule.Mutual ? article.WithCounterpart(noun.Rule, known) : known,
            ActorsAssumed = assumed,
            Place = article.Locatives.FirstOrDefault(p => p.Start >= start && p.End <= end)?.Place,
            Headline = Headlines.ForNoun(article.Doc, headStart, headEnd, possessor),
        };
    }

    /// <summary>
    /// The expression that dates a clause: its own (nearest the trigger); for "..., when ..." right after a date,
    /// that date ("since January, when it fired ..."); else the sentence's fronted phrase.
    /// </summary>
    private static (TemporalExpression? Timex, DateSource Source) Governing(
        ArticleDocument doc, int sentenceStart, Clause clause, Clause? intro, Clause? speaker, TriggerMatch trigger, List<TemporalExpression> sentenceDates)
    {
        var text = doc.Text;
        // "in 1998 when ...", "their summit in Singapore last June, where they signed ...": the time just before.
        if (clause.Role == ClauseRole.Subordinate && (text.AsSpan(clause.Start).StartsWith("when ", StringComparison.Ordinal) || text.AsSpan(clause.Start).StartsWith("where ", StringComparison.Ordinal))
            && sentenceDates.LastOrDefault(t => t.End <= clause.Start) is { } anchor
            && text.AsSpan(anchor.End, clause.Start - anchor.End).Trim() is "," or "")
        {
            return (anchor, DateSource.Own);
        }
        TemporalExpression? own = null;
        foreach (var t in sentenceDates)
        {
            if (t.Start >= clause.Start && t.End <= clause.End
                && (own is null || Distance(t, trigger) < Distance(own, trigger)))
            {
                own = t;
            }
        }
        if (own is not null)
        {
            // "the war in 1953": a date right after a named period, inside it, says when in the period.
            if (own.Rule == "named-period" && own.Interval is { } period
                && sentenceDates.FirstOrDefault(t => t.Start >= own.End && t.Start - own.End <= 4 && t.End <= clause.End
                    && t.Interval is { } inner && inner.Start >= period.Start && inner.End <= period.End.AddDays(366) && inner != period) is { } within
                && InOnOf().IsMatch(text.AsSpan(own.End, within.Start - own.End)))
            {
                return (within, DateSource.Own);
            }
            return (own, DateSource.Own);
        }
        // "The ministry said on Monday that it had suspended the drills": what was said happened by the day it was said.
        if (speaker is { } s && sentenceDates.LastOrDefault(t => t.Start >= s.Start && t.End <= s.End) is { } said)
        {
            return (said, DateSource.Own);
        }
        // "Xi met Putin on Tuesday, while back home his navy fired three shells": what happened meanwhile shares the time
        // of the clause before it; "while it has fired ..." (a perfect) is background.
        if (clause.Role == ClauseRole.Subordinate && trigger.Rule.IsVerb && text.AsSpan(clause.Start).StartsWith("while ", StringComparison.Ordinal)
            && !NotSimplePast().IsMatch(text.AsSpan(clause.Start, trigger.Start - clause.Start))
            && sentenceDates.LastOrDefault(t => t.End <= clause.Start && t.Type == TimexType.Date) is { Interval: { } past } meanwhile
            && past.End <= doc.Published
            && !Cues.Scheduled.IsMatch(text.AsSpan(sentenceStart, clause.Start - sentenceStart))
            && !Cues.Hedge.IsMatch(text.AsSpan(sentenceStart, clause.Start - sentenceStart)))
        {
            return (meanwhile, intro is { } fr && fr.Contains(meanwhile.Start) ? DateSource.Intro : DateSource.Own);
        }
        // "The council on Monday condemned the test, which ..., and proposed talks": a verb that shares the subject of the
        // sentence's first clause shares its day.
        if (clause.Role == ClauseRole.Coordinate && trigger.Rule.IsVerb && SharedSubjectVerb().IsMatch(text.AsSpan(clause.Start, clause.End - clause.Start))
            && sentenceDates.FirstOrDefault(t => t.End <= clause.Start && t.Type == TimexType.Date) is { Interval: { Precision: DatePrecision.Day } } first)
        {
            return (first, intro is { } fi && fi.Contains(first.Start) ? DateSource.Intro : DateSource.Own);
        }
        // "On Wednesday Tokyo moved to ..., after the North launched a satellite": what came before is not of that day.
        if (intro is { } i && clause.Role is ClauseRole.Main or ClauseRole.Coordinate or ClauseRole.Participle
            && !OpensAfter().IsMatch(text.AsSpan(clause.Start, Math.Min(8, clause.End - clause.Start))))
        {
            // "Jan. 4 -- After missing the year-end deadline, ...": a list entry's own date, not the one its phrase names.
            var fronted = sentenceDates.FirstOrDefault(t => t.Start == i.Start && EntryDash().IsMatch(text.AsSpan(t.End)))
                ?? sentenceDates.LastOrDefault(t => t.Start >= i.Start && t.End <= i.End);
            if (fronted is not null)
            {
                return (fronted, DateSource.Intro);
            }
        }
        return (null, DateSource.None);
    }

    // "Xi Jinping and Russian President Vladimir Putin": what joins two names, titles included.
    [GeneratedRegex(@"^(?:\s+[A-Z][\w'’-]*)?\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex AndTitle();

    [GeneratedRegex(@"^\s+(?:[A-Z][\w.'’-]*\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleOnly();

    [GeneratedRegex(@"^and\s+[a-z]+ed\b", RegexOptions.CultureInvariant)]
    private static partial Regex SharedSubjectVerb();

    [GeneratedRegex(@"\b(?:the|a|an|this|that|these|those)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"\b(?:(?:the\s+two|both)\s+(?:leaders|presidents|heads\s+of\s+state)|their\s+(?:[\w-]+\s+){0,2}summits?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwoLeaders();

    [GeneratedRegex(@"^\s+(?:that\s+)?(?:he|she|it|they|we|the\s+[\w-]+|[A-Z][\w.-]+)\s+(?:would|will)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex WouldOf();

    [GeneratedRegex(@"^(?:produc|yield|reach)", RegexOptions.CultureInvariant)]
    private static partial Regex Yields();

    [GeneratedRegex(@"\b(?:has|have)\s+been\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PassivePerfectBefore();

    [GeneratedRegex(@"\bby\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex ByGerund();

    [GeneratedRegex(@"^(?:The\s+two|Both)\s+(?:leaders|presidents)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwoLeadersFirst();

    [GeneratedRegex(@"^after\s", RegexOptions.CultureInvariant)]
    private static partial Regex OpensAfter();

    [GeneratedRegex(@"^\s*(?:--|[-–—:])\s", RegexOptions.CultureInvariant)]
    private static partial Regex EntryDash();

    [GeneratedRegex(@"\b(?:has|have|had|is|are|will|would|could|can|may|might|should|must)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotSimplePast();

    // Nouns of another kind than the clause's event, each with a date right next to it and closer to it than to the
    // clause's trigger: events of their own.
    private static List<(TriggerMatch Noun, TemporalExpression Date)> SecondEvents(
        string text, List<TriggerMatch> triggers, Clause clause, TriggerMatch first, List<TemporalExpression> dates)
    {
        var found = new List<(TriggerMatch, TemporalExpression)>();
        foreach (var other in triggers)
        {
            // ("Other" gathers unlike events: "upheld the impeachment over his declaration of martial law on Dec. 3".)
            if (other != first && clause.Contains(other.Start) && !other.Rule.IsVerb
                && (other.Rule.Type != first.Rule.Type || first.Rule.Type == EventType.Other
                    && !text.AsSpan(other.Start, other.End - other.Start).Equals(text.AsSpan(first.Start, first.End - first.Start), StringComparison.OrdinalIgnoreCase))
                && AdjacentDate(text, other, dates) is { } own && Distance(own, other) < Distance(own, first)
                // (a period the noun names, "the Korean War", is no second event of the kind)
                && (other.Rule.Type != first.Rule.Type || own.End <= other.Start || own.Start >= other.End))
            {
                found.Add((other, own));
            }
        }
        return found;
    }

    [GeneratedRegex(@"\b(?:with|produced|producing|yielded|yielding|adopted|adopting)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeBefore();

    /// <summary>
    /// "The talks closed on Tuesday with a joint document": talks, a meeting or a summit that end with a deal give that
    /// deal too, on the same day and between the same parties.
    /// </summary>
    private static Mention? Outcome(string text, List<TriggerMatch> triggers, Clause clause, Mention stated)
    {
        if (stated.Type is not (EventType.Negotiation or EventType.Meeting or EventType.Summit) || stated.Date is null
            || triggers.FirstOrDefault(t => !t.Rule.IsVerb && t.Rule.Type == EventType.Agreement && clause.Contains(t.Start) && t.Start > stated.Trigger.End
                && OutcomeBefore().IsMatch(text.AsSpan(stated.Trigger.End, t.Start - stated.Trigger.End))) is not { } deal)
        {
            return null;
        }
        return stated with
        {
            Trigger = deal,
            Evidence = new EvidenceSpan(deal.Start, clause.End, text[deal.Start..clause.End]),
        };
    }

    // A date right before a noun ("the 2019 summit") or after it ("a nuclear test in 2006", "the armistice that ended
    // the war in 1953").
    private static TemporalExpression? AdjacentDate(string text, TriggerMatch noun, List<TemporalExpression> dates) =>
        dates.FirstOrDefault(t =>
            t.Start < noun.End && noun.Start < t.End
            || t.End <= noun.Start && noun.Start - t.End <= 1
            // "the February breakdown of the second summit", "the 2019 signing of the accord"
            || t.End <= noun.Start && noun.Start - t.End <= 50 && PhaseOf().IsMatch(text.AsSpan(t.End, noun.Start - t.End))
            || t.Start >= noun.End && t.Start - noun.End <= 5 && InOnOf().IsMatch(text.AsSpan(noun.End, t.Start - noun.End))
            || t.Start >= noun.End && t.Start - noun.End <= 100 && EndingRelative().IsMatch(text.AsSpan(noun.End, t.Start - noun.End)));

    [GeneratedRegex(@"^['’]?s?\s+(?:breakdown|collapse|failure|end|start|outbreak|signing|opening|close|resumption|suspension)\s+of\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhaseOf();

    // A relative clause after a noun that says how its event came about or what it ended, up to the preposition of the
    // date it gives: ", which ended the war in 1953", " that halted the fighting in July", " it signed with Seoul in
    // 2018", " the two sides reached in May". Without "that"/"which" it needs a subject of its own ("it", a name), so a
    // main verb right after its subject ("The talks ended on Friday") is not taken for one.
    private const string RelativeSubject = @"(?:it|they|he|she|we|the\s+two\s+\w+|both\s+sides|[A-Z][\w'’.-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){0,3})\s+";
    // After "that"/"which" only: "which the council adopted", "that the Security Council passed".
    private const string DeterminedSubject = @"(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+";
    private const string DatingRelative =
        @",?\s+(?:(?:that|which)\s+(?:" + RelativeSubject + "|" + DeterminedSubject + ")?|" + RelativeSubject + @")(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:formally\s+|jointly\s+|first\s+)?"
        + @"(?:ended|stilled|halted|closed|concluded|brought\s+an\s+end\s+to|signed|reached|struck|sealed|brokered|adopted|passed|imposed|held|conducted|staged|carried\s+out|opened|began|convened)\s+(?:[\w'’-]+\s+){0,6}?";

    [GeneratedRegex("^" + DatingRelative + @"(?:in|on)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex EndingRelative();

    // Where such a relative clause after a noun stops: at its date, or null. What it holds is the noun's own story
    // (how it came about, what it ended), not events of their own.
    private static int? EndingClause(string text, TriggerMatch noun, int sentenceEnd)
    {
        var m = EndingRelativeStart().Match(text, noun.End, Math.Min(100, sentenceEnd - noun.End));
        return m.Success ? noun.End + m.Length : null;
    }

    [GeneratedRegex(@"\G" + DatingRelative + @"(?=(?:in|on)\s+(?:\d|[A-Z]))", RegexOptions.CultureInvariant)]
    private static partial Regex EndingRelativeStart();

    // "its first nuclear test", "North Korea's sixth nuclear test": who the noun's event belongs to.
    private static KnownActor? Possessor(ArticleDocument doc, TriggerMatch noun)
    {
        // Within the noun's sentence: "... South Korea's military said. The missiles were launched" has no owner.
        var from = Math.Max(doc.Sentences.LastOrDefault(s => s.Start <= noun.Start).Start, noun.Start - 40);
        var before = doc.Text.AsSpan(from, noun.Start - from);
        if (PossessiveIts().IsMatch(before))
        {
            return doc.Actors.LastOrDefault(a => a.End <= noun.Start && a.Actor.Kind is "country" or "organization")?.Actor;
        }
        // "South Korea's military detected the launch": a determiner after the possessive opens another noun phrase.
        return doc.Actors.LastOrDefault(a => a.End <= noun.Start && a.End >= from
            && (doc.Text.AsSpan(a.End).StartsWith("'s", StringComparison.Ordinal) || doc.Text.AsSpan(a.End).StartsWith("’s", StringComparison.Ordinal))
            && !Determiner().IsMatch(doc.Text.AsSpan(a.End, noun.End - a.End)))?.Actor;
    }

    // "the North's first missile launch since January": the noun is the new launch; January dates the one before.
    private static bool NamesTheLaterEvent(string text, TriggerMatch trigger, TemporalExpression timex)
    {
        var windowStart = Math.Max(0, timex.Start - 60);
        var m = FirstSince().Match(text, windowStart, timex.Start - windowStart);
        // "flew along the coast, the longest patrol of its kind in the 21st century", "more of them than at any point this
        // century": a superlative or comparison after the event's words compares it with a period, which dates nothing
        // ("its largest test in September" is dated by its month).
        return m.Success && m.Groups["first"].Index < trigger.End && trigger.End <= timex.Start
            || trigger.End <= timex.Start && Math.Max(trigger.End, timex.Start - 100) is var from
                && Comparison().Match(text, from, timex.Start - from) is { Success: true } c
                && (c.Groups["in"].Success || timex.Text.StartsWith("this ", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\b(?:than\s+(?:at\s+)?any\s+(?:time|point|year)|largest|biggest|farthest|furthest|closest|highest|longest|strongest|heaviest|deadliest|worst|best|most(?!\s+recent)|fewest|fastest|earliest|lowest|greatest|toughest|sharpest|newest|oldest|deepest|widest|fiercest|harshest|bloodiest|costliest)\s+(?:(?!since\b)[\w'’.,-]+\s+){0,12}?(?<in>(?:ever\s+)?(?:in|during)\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    /// <summary>
    /// The date an undated statement of fact takes when no event carries it on. Wire copy often states the news
    /// of the day without a date ("North Korea fired a missile, the military said"): in the lead (first two
    /// sentences, without a fronted phrase such as "Months later,") that is the article date. Further on, a main clause
    /// carries on the narrative: it takes the last date stated in the three sentences before it.
    /// </summary>
    private static (DateInterval Date, DateSource Source)? Fallback(
        ArticleDocument doc, List<TemporalExpression> dates, DateOnly storyDay, int sentenceIndex, Clause clause, TriggerMatch trigger, bool hasIntro)
    {
        // "After an emergency meeting, the council ...": a noun fronting the sentence happened in the sentence's time.
        if (!(trigger.Rule.IsVerb || clause.Role == ClauseRole.Intro) || clause.Role is not (ClauseRole.Main or ClauseRole.Coordinate or ClauseRole.Intro)
            || doc.Text.AsSpan(clause.Start, trigger.Start - clause.Start).Contains("will ", StringComparison.Ordinal)
            // "..., after the North launched a satellite": it came before the clause it hangs on, on a day it does not give.
            || OpensAfter().IsMatch(doc.Text.AsSpan(clause.Start, Math.Min(8, clause.End - clause.Start))))
        {
            return null;
        }
        if (sentenceIndex <= 1 && !hasIntro)
        {
            return (DateInterval.Day(storyDay), DateSource.Article);
        }
        // "Officials have warned that ...": further on, a present perfect is background, not a dated step of the story.
        if (PerfectBefore().IsMatch(doc.Text.AsSpan(clause.Start, trigger.Start - clause.Start)))
        {
            return null;
        }
        var earliest = doc.Sentences[Math.Max(0, sentenceIndex - 3)].Start;
        // The narrative's date carries on within its paragraph only.
        earliest = Math.Max(earliest, doc.Text.LastIndexOf("\n\n", clause.Start, StringComparison.Ordinal));
        var last = dates.LastOrDefault(t => t.End <= clause.Start && t.Start >= earliest && t.Type == TimexType.Date
            && !LastDone().IsMatch(doc.Text.AsSpan(Math.Max(earliest, t.Start - 40), t.Start - Math.Max(earliest, t.Start - 40))));
        // A main clause with no date of its own nor a narrative to carry on tells the news of the day.
        return last?.Interval is { } narrative ? (narrative, DateSource.Narrative) : (DateInterval.Day(storyDay), DateSource.Article);
    }

    // "The carrier last visited in 2023", "was last test-launched on Nov. 29": a look back, not a step of the story.
    [GeneratedRegex(@"\blast\s+(?:[\w-]+ed)\b(?:\s+[\w-]+){0,4}\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex LastDone();

    // A relative clause with a subject of its own on a noun after the verb: "a hotline that Pyongyang cut off",
    // "the deal which the two sides signed".
    [GeneratedRegex(@"(?<=[a-z]\s)(?:that|which)\s+(?:the\s+)?(?:[A-Z][\w.-]*|it|they|he|she|we|two\s+sides)\s+(?:had\s+|has\s+|have\s+)?[a-z]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectRelative();

    // Quoted passages of five words or more; shorter quotes are names and scare quotes ("hypersonic glide vehicle").
    private static List<(int Start, int End)> Quotations(string text, Sentence sentence)
    {
        var spans = new List<(int Start, int End)>();
        // A quotation of several sentences: this one may open inside it and end outside.
        var paragraph = text.LastIndexOf("\n\n", Math.Max(0, sentence.Start - 1), StringComparison.Ordinal) is var p and >= 0 ? p : 0;
        var before = text.AsSpan(paragraph, sentence.Start - paragraph);
        var open = before.Count('"') % 2 == 1 || before.Count('“') > before.Count('”') ? sentence.Start : -1;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = text[i];
            if (open < 0 && (c == '“' || c == '"' && (i == sentence.Start || !char.IsLetterOrDigit(text[i - 1]))))
            {
                open = i;
            }
            else if (open >= 0 && (c == '”' || c == '"'))
            {
                if (text.AsSpan(open, i - open).Count(' ') >= 4)
                {
                    spans.Add((open, i + 1));
                }
                open = -1;
            }
        }
        if (open >= 0 && text.AsSpan(open, sentence.End - open).Count(' ') >= 4)
        {
            spans.Add((open, sentence.End)); // it goes on into the next sentence
        }
        return spans;
    }

    private static int Distance(TemporalExpression t, TriggerMatch trigger) =>
        t.End <= trigger.Start ? trigger.Start - t.End : Math.Max(0, t.Start - trigger.End);

    /// <summary>
    /// The interval an expression gives the event: "since X" (ongoing since X) runs from X to the article date,
    /// except "the first time since X", which dates the earlier event at X.
    /// </summary>
    private static DateInterval? Interval(ArticleDocument doc, TemporalExpression timex, Clause clause, Clause? intro, DateSource source)
    {
        var interval = timex.Interval!.Value;
        // "issued threats this month": a past event of the current month or year ran up to the article date at most.
        if (ThisPeriod().IsMatch(timex.Text) && interval.Start <= doc.Published && doc.Published < interval.End
            && !Cues.Scheduled.IsMatch(doc.Text.AsSpan(clause.Start, Math.Max(0, timex.Start - clause.Start)))
            && !doc.Text.AsSpan(clause.Start, Math.Max(0, timex.Start - clause.Start)).Contains("will ", StringComparison.Ordinal))
        {
            interval = interval with { End = doc.Published };
        }
        var before = doc.Text.AsSpan(Math.Max(0, timex.Start - 40), Math.Min(40, timex.Start));
        // "since 2017, when the North fired ...": the when-clause happened at that date, not ever since.
        if (FirstSince().IsMatch(before) || clause.Start >= timex.End && WhenAfter().IsMatch(doc.Text.AsSpan(timex.End, Math.Min(12, doc.Text.Length - timex.End))))
        {
            return interval;
        }
        var since = SinceBefore().IsMatch(before) && clause.Role != ClauseRole.Intro
            || source == DateSource.Intro && intro is { } i && doc.Text.AsSpan(i.Start).StartsWith("Since", StringComparison.Ordinal);
        return since && interval.Start <= doc.Published
            ? new DateInterval(interval.Start, doc.Published, DatePrecision.Range)
            : interval;
    }

    private static List<KnownActor> ActorsOf(
        ArticleDocument doc, Gazetteer gazetteer, SentenceContext sentence, Clause clause, TriggerMatch trigger, List<PlaceMention> locatives)
    {
        var clauses = sentence.Clauses;
        // Whom a quotation names is what was said, not who says or does it.
        bool Usable(ActorMention a) => !locatives.Exists(p => p.Start < a.End && a.Start < p.End) && !Kin(doc.Text, a) && !Posting(doc.Text, a)
            && !sentence.Quotations.Exists(q => q.Start <= a.Start && a.End <= q.End);

        // "The JCS said North Korea fired ...": who said it is not who did it.
        var from = clause.Start;
        if (trigger.Rule.Type != EventType.Statement
            && Cues.Speech.Match(doc.Text, clause.Start, trigger.Start - clause.Start) is { Success: true } speech)
        {
            from = speech.Index + speech.Length;
        }
        // "Lee, who met the envoy on Monday, said ...": the subject before the relative clause is this clause's.
        bool InSubject(ActorMention a) => clause.HasSubject && a.Start >= clause.SubjectStart && a.End <= clause.SubjectEnd;
        var found = doc.Actors.Where(a => (InSubject(a) || a.Start >= from && a.Start < clause.End) && Usable(a)).Select(a => a.Actor).ToList();
        if ((trigger.Rule.IsSpeech || trigger.Rule.AgentOnly || trigger.Rule.Type.Info().AgentOnly)
            && doc.Actors.Where(a => (InSubject(a) || a.Start >= from && a.End <= trigger.Start) && Usable(a)).Select(a => a.Actor).ToList() is { Count: > 0 } agents)
        {
            found = agents; // who said or did it, not whom it was about
        }
        if (clause.Role == ClauseRole.Intro && !(trigger.Rule.IsVerb && SubjectBefore().IsMatch(doc.Text.AsSpan(clause.Start, trigger.Start - clause.Start))))
        {
            // A fronted phrase names its event but seldom its actors: a verb ("taking office") takes the
            // subject of the main clause; a noun ("the Singapore summit") takes everyone the sentence names.
            var main = clauses.FirstOrDefault(c => c.Role == ClauseRole.Main);
            var scope = trigger.Rule.IsVerb ? clauses.Where(c => c.Role == ClauseRole.Main).Take(1) : clauses.Where(c => c.Role != ClauseRole.Attribution);
            foreach (var c in scope)
            {
                var end = trigger.Rule.IsVerb ? SubjectEnd(doc, c) : c.End;
                found.AddRange(doc.Actors.Where(a => a.Start >= c.Start && a.Start < end && Usable(a)).Select(a => a.Actor));
            }
        }
        else if (clause.Role == ClauseRole.Subordinate && RelativePronoun().IsMatch(doc.Text.AsSpan(clause.Start))
            && doc.Actors.LastOrDefault(a => a.End <= clause.Start && a.Start >= clauses[0].Start && Usable(a)) is { } named)
        {
            // ", which met for the first time": the relative pronoun is the name right before it ("Xi and Putin, who met": both).
            found.Insert(0, named.Actor);
            if (doc.Actors.LastOrDefault(a => a.End <= named.Start && a.Start >= clauses[0].Start && a.Actor.Name != named.Actor.Name && Usable(a)
                    && !TitleOnly().IsMatch(doc.Text.AsSpan(a.End, named.Start - a.End))) is { } first
                && AndTitle().IsMatch(doc.Text.AsSpan(first.End, named.Start - first.End)))
            {
                found.Insert(0, first.Actor);
            }
        }
        else if (clause.Role == ClauseRole.Coordinate && ConjunctionOnly().IsMatch(doc.Text.AsSpan(clause.Start, trigger.Start - clause.Start))
            && clauses.LastOrDefault(c => c.End <= clause.Start && c.Role == ClauseRole.Main) is { } main
            && doc.Actors.FirstOrDefault(a => main.Contains(a.Start) && a.Start - main.Start <= 40 && Usable(a)) is { } subject)
        {
            // "The general said ..., but warned that ...": a verb with no subject of its own shares the main clause's.
            found.Insert(0, subject.Actor);
        }
        else if (!doc.Actors.Any(a => a.Start >= from && a.Start < trigger.Start)
            && Pronoun().Match(doc.Text, from, trigger.Start - from) is { Success: true } pronoun)
        {
            // "he met with Kim": the pronoun is the person (or, for "it", the state) named last before it.
            var person = pronoun.Groups["he"].Success;
            var female = pronoun.Value is "she" or "She" or "her" or "Her";
            // "he" is no woman the gazetteer knows; "she" the last woman it knows, else the last person.
            var antecedent = person && female
                ? doc.Actors.LastOrDefault(a => a.End <= pronoun.Index && a.Actor is { Kind: "person", Female: true })
                    ?? doc.Actors.LastOrDefault(a => a.End <= pronoun.Index && a.Actor.Kind == "person")
                : doc.Actors.LastOrDefault(a => a.End <= pronoun.Index
                    && (person ? a.Actor is { Kind: "person", Female: false } : a.Actor.Kind is "country" or "organization"));
            if (antecedent is not null)
            {
                found.Insert(0, antecedent.Actor);
            }
        }
        if (found.Count == 0 || TwoLeadersFirst().IsMatch(doc.Text.AsSpan(clause.Start)))
        {
            found.InsertRange(0, TheTwoLeaders(doc, clause.Start, trigger.End));
        }
        var withCountries = new List<KnownActor>(found.Count * 2);
        foreach (var actor in found)
        {
            withCountries.Add(actor);
            if (gazetteer.Country(actor.Country) is { } country)
            {
                withCountries.Add(country);
            }
        }
        return withCountries.DistinctBy(a => a.Name).ToList();
    }

    /// <summary>
    /// "The two leaders had met in Singapore", "their first summit": when <c>text[from..to]</c> says so, the last two
    /// leaders of different states named before it; else none.
    /// </summary>
    private static List<KnownActor> TheTwoLeaders(ArticleDocument doc, int from, int to)
    {
        if (to <= from || !TwoLeaders().IsMatch(doc.Text.AsSpan(from, to - from)))
        {
            return [];
        }
        var leaders = new List<KnownActor>();
        foreach (var a in doc.Actors.Where(a => a.End <= from && a.Actor is { Kind: "person", Leader: true }).Reverse())
        {
            if (leaders.Count < 2 && !leaders.Exists(l => l.Name == a.Actor.Name || l.Country == a.Actor.Country))
            {
                leaders.Add(a.Actor);
            }
        }
        return leaders.Count == 2 ? leaders : [];
    }

    // "China's UN ambassador", "the US envoy to the United Nations": the body a diplomat is posted to names the post, not a party.
    private static bool Posting(string text, ActorMention a) =>
        a.Actor.Kind == "organization"
        && (PostAfter().IsMatch(text.AsSpan(a.End, Math.Min(30, text.Length - a.End)))
            || PostBefore().IsMatch(text.AsSpan(Math.Max(0, a.Start - 40), Math.Min(40, a.Start))));

    [GeneratedRegex(@"^\s+(?:ambassador|envoy|representative|delegate|mission)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostAfter();

    [GeneratedRegex(@"\b(?:ambassador|envoy|representative|delegate|mission)\s+(?:to|at)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostBefore();

    [GeneratedRegex(@"^\s*,?\s*(?:but|and|yet)\s+(?:also\s+|then\s+|later\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConjunctionOnly();

    // "the sister of leader Kim Jong-un", "Kim's younger brother": the relative acts, not the person named to say who they are.
    [GeneratedRegex(@"\b(?:sister|brother|wife|husband|son|daughter|father|mother|uncle|aunt|nephew|niece|widow|half[- ]brother|half[- ]sister)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KinOf();

    [GeneratedRegex(@"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}(?:sister|brother|wife|husband|son|daughter|father|mother|uncle|aunt|nephew|niece|widow|half[- ]brother|half[- ]sister)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KinAfter();

    private static bool Kin(string text, ActorMention a) =>
        a.Actor.Kind == "person"
        && (KinOf().IsMatch(text.AsSpan(Math.Max(0, a.Start - 50), Math.Min(50, a.Start)))
            || KinAfter().IsMatch(text.AsSpan(a.End, Math.Min(40, text.Length - a.End))));

    [GeneratedRegex(@"^(?:In|At|During|Speaking\s+(?:at|in|during))\s+(?:a|an|his|her|their|the|its)\s+(?:[\w-]+\s+){0,3}(?:address|speech|news\s+conference|press\s+conference|briefing|interview|statement|message|remarks)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeechSetting();

    // "On April 5 the isolated state fired ...": a fronted date followed by a clause with its own subject.
    [GeneratedRegex(@"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectBefore();

    // Where the subject of a clause ends: at its first trigger-like verb, or the whole clause.
    private static int SubjectEnd(ArticleDocument doc, Clause clause)
    {
        var firstActor = doc.Actors.FirstOrDefault(a => clause.Contains(a.Start));
        return firstActor is null ? clause.Start : firstActor.End;
    }

    private static KnownPlace? PlaceOf(List<PlaceMention> locatives, Clause clause) =>
        locatives.Where(p => clause.Contains(p.Start)).OrderByDescending(p => p.Place.Country is not null).Select(p => p.Place).FirstOrDefault();
}
