using KoreaTimeline.Extraction.Actors;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Events;

/// <summary>How a mention got its date.</summary>
public enum DateSource
{
    /// <summary>A temporal expression in the mention's own clause.</summary>
    Own,
    /// <summary>The fronted phrase of its sentence ("Last Friday, ...").</summary>
    Intro,
    /// <summary>No expression: a report of the day in the lead, dated by the article date.</summary>
    Article,
    /// <summary>No expression: the narrative's current date, the last one stated before the mention.</summary>
    Narrative,
    /// <summary>No expression governs it; it can only join an event dated elsewhere.</summary>
    None,
}

/// <summary>One statement or reference of an event in the text, before mentions of the same event are merged.</summary>
public sealed record Mention
{
    public required TriggerMatch Trigger { get; init; }
    public required int SentenceIndex { get; init; }
    public required Sentence Sentence { get; init; }
    public required Clause Clause { get; init; }
    public required EvidenceSpan Evidence { get; init; }
    public TemporalExpression? Timex { get; init; }
    public DateInterval? Date { get; init; }
    public DateSource DateSource { get; init; }

    /// <summary>
    /// For an undated statement of fact: the article date (a report of the day in the lead) or the narrative's
    /// current date (the last date before it); used only when no event of its kind carries it on.
    /// </summary>
    public DateInterval? FallbackDate { get; init; }

    /// <summary>Where <see cref="FallbackDate"/> comes from: <see cref="DateSource.Article"/> or <see cref="DateSource.Narrative"/>.</summary>
    public DateSource FallbackSource { get; init; } = DateSource.None;
    public required IReadOnlyList<KnownActor> Actors { get; init; }

    /// <summary>
    /// The clause names no one, so <see cref="Actors"/> is the story's protagonist: a guess that does not keep the mention
    /// from joining an event of other actors that day ("The missiles were launched from ..." after "North Korea fired two
    /// missiles", in a story that names Seoul most).
    /// </summary>
    public bool ActorsAssumed { get; init; }
    public KnownPlace? Place { get; init; }
    public required string Headline { get; init; }

    /// <summary>Whether the clause names who acts or speaks before its trigger, rather than a pronoun.</summary>
    public bool NamesSpeaker { get; init; }

    /// <summary>
    /// Told as one more event of its kind that day ("fired another one in the evening", "Earlier in the day, ..."):
    /// it never merges with the event told before it.
    /// </summary>
    public bool Separate { get; init; }

    /// <summary>
    /// Told in an "after" clause of a sentence whose fronted phrase dates the main event: its fallback date is that
    /// day, but it joins an event of its kind told for the week before it.
    /// </summary>
    public bool Preceding { get; init; }

    /// <summary>
    /// Dated only by the day it was told ("North Korea said Friday it had test-fired a missile"): it happened by that
    /// day, so it joins an event of its kind and actors that the story dates up to a few days before.
    /// </summary>
    public bool DatedBySaying { get; init; }

    /// <summary>
    /// Found through a main verb no trigger rule lists: news of its own that joins no event and that no other mention joins.
    /// </summary>
    public bool Unlisted { get; init; }

    /// <summary>Told in the perfect ("has ratified the treaty"): done by the day it is told, maybe days before.</summary>
    public bool Perfect { get; init; }

    public EventType Type => Trigger.Rule.Type;

    public bool IsVerb => Trigger.Rule.IsVerb;
}
