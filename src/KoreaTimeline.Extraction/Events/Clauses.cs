using System.Text.RegularExpressions;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Events;

/// <summary>The part a clause plays in its sentence; it decides which dates and actors reach the clause.</summary>
public enum ClauseRole
{
    /// <summary>A fronted phrase before the first comma: "On Tuesday, May 6", "Since taking office in ...".</summary>
    Intro,
    Main,
    /// <summary>", but ...", ", and the ...", "; ...".</summary>
    Coordinate,
    /// <summary>"when ...", ", while ...", ", which ...", ", a show of force": background, not dated by the fronted phrase.</summary>
    Subordinate,
    /// <summary>What was announced, said or claimed: "... announced that [it had conducted a test]".</summary>
    Complement,
    /// <summary>", showcasing ...", ", accusing ...".</summary>
    Participle,
    /// <summary>", to demonstrate ...", "in an attempt to ...".</summary>
    Purpose,
    /// <summary>"According to ...", ", the military said": who says it, not what happened.</summary>
    Attribution,
}

/// <summary>
/// A clause: <c>text[Start..End]</c>. A main clause that goes on after a relative one ("Lee, who met the envoy, said ...")
/// has its subject apart: <c>text[SubjectStart..SubjectEnd]</c>, else both are -1.
/// </summary>
public readonly record struct Clause(int Start, int End, ClauseRole Role, int SubjectStart = -1, int SubjectEnd = -1)
{
    public bool HasSubject => SubjectStart >= 0;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>Cuts a sentence into clauses at punctuation and the words that open a clause; never inside a date.</summary>
public static partial class ClauseSplitter
{
    // A phrase that opens a sentence and ends at its first comma: prepositions, time adverbs, "According to".
    [GeneratedRegex(@"^(?:On|In|At|During|Since|Last|Earlier|Later|By|After|Before|Following|Over|From|Early|Late|This|That|Until|Throughout|Within|Between|Back|Months|Weeks|Days|Years|According to|As of|Shortly|Hours|Minutes|Moments|(?:A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s+(?:days?|weeks?|months?|years?|hours?|decades?))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex IntroStart();

    // A boundary and the role of the clause it opens. The group <cut> marks where the new clause starts.
    [GeneratedRegex("""
        (?=[,;\s])(?:
        (?<coord>;\s*(?<cut>)|,\s+(?<cut>)(?=(?:but|yet|whereas)\b)|,\s+(?<cut>)(?=and\s+(?:the|a|an|he|she|it|they|we|its|his|their|[A-Z])))
        |(?<sub>\s+(?<cut>)(?=(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|just|only)\s+(?:[\w-]+\s+)?)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s)|\s+(?:--|—|–)\s+(?<cut>)(?=(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|just|only)\s+(?:[\w-]+\s+)?)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s)|,\s+(?<cut>)(?=(?:while|although|though|because|as|when|after|before|if|unless|which|who|whom|where|amid|despite)\b)|\s+(?<cut>)(?=(?:at\s+a\s+time\s+when|while|because|whereas|when|amid)\b)|(?<=\b(?:comes?|came)(?:\s+\w+ly)?)\s+(?<cut>)(?=as\s)|,\s+(?<cut>)(?=(?:a|an|its|their|the\s+(?:first|second|third|fourth|fifth|latest|last|largest|biggest)|in\s+(?:its|their|his|her|a|an|what))\s))
        |(?<attr>,\s+(?<cut>)(?=according\s+to\b)|,\s+(?<cut>)(?=(?:[\w'’.()-]+\s+){1,8}?(?:said|says|reported|reports|told|added|noted|announced|confirmed)\b(?!\s+that\b)))
        |(?<resume>,\s+(?<cut>)(?=(?:said|says|told|added|announced|stressed|warned|urged|called|asked|issued|sent|met|held|made|took|gave|[a-z]{3,}ed)\s)|,\s+(?<cut>)(?=and\s+[a-z]+ed\s)|,\s+(?<cut>)(?<subj>)(?=(?-i:[A-Z])|(?:the|its|their|his|her)\s))
        |(?<part>,\s+(?<cut>)(?=[a-z]+ing\b))
        |(?<purp>,\s+(?<cut>)(?=to\s)|\s+(?<cut>)(?=in\s+(?:an\s+attempt|an\s+effort|order|a\s+bid)\s+to\b|so\s+as\s+to\b))
        |(?<comp>\s+(?:announced|announces|said|says|stated|states|claimed|claims|reported|reports|warned|warns|emphasized|emphasised|stressed|noted|insisted|added|confirmed|revealed|argued|analy[sz]ed?|point(?:ed|s)?\s+out|believes?|think|thinks|told\s+\w+)(?:\s+(?!that\b)[\w.'’-]+){0,4}?\s+that\s+(?<cut>))
        )
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:a|an)\s+[^,;:]{1,80},\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|told|met|made|held|left|went|came|flew|has|have|had|was|were|is|will|would)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Appositive();

    [GeneratedRegex(@"^(?:who|which)\s", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeOpening();

    [GeneratedRegex(@"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|just|only)\s+(?:[\w-]+\s+)?)?(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetOpening();

    /// <summary>
    /// The clauses of <paramref name="sentence"/>; <paramref name="protectedSpans"/> (the dates in it) are never cut.
    /// </summary>
    public static List<Clause> Split(string text, Sentence sentence, IReadOnlyList<(int Start, int End)> protectedSpans)
    {
        var clauses = new List<Clause>();
        var span = text.AsSpan(sentence.Start, sentence.Length);
        var start = sentence.Start;
        var role = ClauseRole.Main;
        Clause? subject = null;

        if (IntroStart().IsMatch(span) || protectedSpans.Any(p => p.Start == sentence.Start))
        {
            var introEnd = FirstCommaOutside(text, sentence, protectedSpans);
            if (introEnd > 0)
            {
                var attribution = span.StartsWith("According to", StringComparison.Ordinal);
                clauses.Add(new Clause(sentence.Start, introEnd, attribution ? ClauseRole.Attribution : ClauseRole.Intro));
                start = introEnd + 1;
                while (start < sentence.End && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
                if (OffsetOpening().IsMatch(text.AsSpan(start, sentence.End - start)))
                {
                    role = ClauseRole.Subordinate; // "On June 26, a day before the drills began, ..."
                }
            }
        }

        for (var m = Boundary().Match(text, start, sentence.End - start); m.Success; m = m.NextMatch())
        {
            if (m.Index < start || protectedSpans.Any(p => m.Index >= p.Start && m.Index < p.End))
            {
                continue;
            }
            var cut = m.Groups["cut"].Index;
            // "a day before": no boundary inside the clause's first word.
            if (m.Groups["sub"].Success && !text.AsSpan(start, m.Index - start).ContainsAny(' ', ','))
            {
                continue;
            }
            // "Bolton, a well-known hawk, visited Seoul": an appositive that a comma and the verb close is inside its clause.
            if (m.Groups["sub"].Success && Appositive().IsMatch(text.AsSpan(cut, sentence.End - cut)))
            {
                continue;
            }
            // "Lee, who met the envoy on Monday, said ...": a verb after the relative clause goes on with the main clause.
            // So does one after a participle phrase: "Obama, speaking in Prague, said ...".
            // And the subject and verb after a fronted offset: "On June 26, a day before the drills began, the North fired ...".
            var capital = m.Groups["subj"].Success;
            if (m.Groups["resume"].Success && !(capital
                    ? role == ClauseRole.Subordinate && clauses.Count > 0 && clauses[^1].Role == ClauseRole.Intro && OffsetOpening().IsMatch(text.AsSpan(start))
                    : role == ClauseRole.Subordinate && RelativeOpening().IsMatch(text.AsSpan(start)) || role == ClauseRole.Participle))
            {
                continue;
            }
            // "announced that": the complementizer belongs to neither clause.
            var end = m.Groups["comp"].Success ? text.LastIndexOf("that", cut, cut - start, StringComparison.Ordinal) : m.Index;
            clauses.Add(WithSubject(new Clause(start, TrimEnd(text, start, end), role), subject));
            subject = m.Groups["resume"].Success ? clauses.LastOrDefault(c => c.Role == ClauseRole.Main && !c.HasSubject) : null;
            start = cut;
            role = m.Groups["coord"].Success ? ClauseRole.Coordinate
                : m.Groups["sub"].Success ? ClauseRole.Subordinate
                : m.Groups["attr"].Success ? ClauseRole.Attribution
                : m.Groups["resume"].Success ? (text.AsSpan(cut).StartsWith("and ", StringComparison.Ordinal) ? ClauseRole.Coordinate : ClauseRole.Main)
                : m.Groups["part"].Success ? ClauseRole.Participle
                : m.Groups["purp"].Success ? ClauseRole.Purpose
                : ClauseRole.Complement;
        }
        clauses.Add(WithSubject(new Clause(start, TrimEnd(text, start, sentence.End), role), subject));
        clauses.RemoveAll(c => c.End <= c.Start);
        return clauses;
    }

    private static Clause WithSubject(Clause clause, Clause? subject) =>
        subject is { } main && clause.Role == ClauseRole.Main ? clause with { SubjectStart = main.Start, SubjectEnd = main.End } : clause;

    private static int FirstCommaOutside(string text, Sentence sentence, IReadOnlyList<(int Start, int End)> protectedSpans)
    {
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            // (not the comma of a number: "about 8,000 troops")
            if (text[i] == ',' && (i + 1 >= sentence.End || char.IsWhiteSpace(text[i + 1])) && !protectedSpans.Any(p => i >= p.Start && i < p.End))
            {
                // Only a short fronted phrase is an intro; a long one is the sentence itself.
                return i - sentence.Start <= 120 ? i : -1;
            }
        }
        return -1;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?'))
        {
            end--;
        }
        return end;
    }
}
