using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaTimeline.Extraction.Temporal.Refining;

/// <summary>
/// The two anchors relative expressions resolve against: the reference (article) date for deictic ones
/// ("last Friday", "this year") and the narrative's current time for anaphoric ones ("the next day", "that month"),
/// which explicit dates move and which fades after a paragraph break or a long stretch of text.
/// </summary>
internal sealed partial class Anchors(string text, DateOnly reference)
{
    private const int Reach = 600;

    // A line that is only a year heads the entries of a chronology below it: "2018", "2019:".
    [GeneratedRegex(@"^[ \t]*(?<year>1[89]\d\d|20\d\d)[ \t]*:?[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex YearHeading();

    private List<(int End, int Year)>? _headings;

    public DateOnly Reference { get; } = reference;
    public string Text { get; } = text;
    private DateOnly _narrative = reference;
    private Granularity _granularity = Granularity.Day;
    private int _setAt = -1;
    // The last day an explicit date set, for expressions that can only point back to a day ("the same day").
    private DateOnly _lastDay;
    private int _lastDayAt = -1;

    public void Move(DateOnly date, Granularity granularity, int position)
    {
        // A year does not replace a quarter of that year: "the 1989 period" still speaks of the third quarter.
        if (granularity == Granularity.Year && _granularity == Granularity.Quarter && _narrative.Year == date.Year && _setAt >= 0)
        {
            return;
        }

        _narrative = date;
        _granularity = granularity;
        _setAt = position;
        if (granularity == Granularity.Day)
        {
            (_lastDay, _lastDayAt) = (date, position);
        }
    }

    /// <summary>The narrative time at <paramref name="position"/>, or the reference date when none is near.</summary>
    public (DateOnly Date, Granularity Granularity) Narrative(int position) => Narrative(position, acrossParagraphs: false);

    /// <summary>
    /// The narrative time at <paramref name="position"/>; <paramref name="acrossParagraphs"/> keeps it over paragraph
    /// breaks (still within reach) for expressions that can only point back: "the same day", "the day before".
    /// </summary>
    public (DateOnly Date, Granularity Granularity) Narrative(int position, bool acrossParagraphs)
    {
        // A quarter sets the subject of a results story for a while; other anchors fade sooner.
        if (_setAt >= 0 && _granularity == Granularity.Quarter && position >= _setAt && position - _setAt <= 3 * Reach)
        {
            return (_narrative, _granularity);
        }

        if (_setAt < 0 || position - _setAt > Reach || position < _setAt
            || !acrossParagraphs && Text.AsSpan(_setAt, position - _setAt).Contains("\n\n", StringComparison.Ordinal))
        {
            return (Reference, Granularity.Day);
        }

        return (_narrative, _granularity);
    }

    /// <summary>
    /// The year a date that leaves out its year takes from its context, when that is not the reference year's: the
    /// year heading above it in a chronology, else the year the paragraph's narrative is in ("April 5, 2009 - ...
    /// More tests take place in October").
    /// </summary>
    public int? ContextYear(int position)
    {
        _headings ??= [.. YearHeading().Matches(Text).Select(m => (m.Index + m.Length, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)))];
        var heading = _headings.LastOrDefault(h => h.End <= position);
        var (date, granularity) = Narrative(position);
        var year = _setAt >= 0 && _setAt > heading.End && granularity is Granularity.Day
            && date != Reference ? date.Year
            : heading.End > 0 ? heading.Year : (int?)null;
        return year == Reference.Year ? null : year;
    }

    /// <summary>Whether an explicit expression set the narrative time earlier in the sentence of <paramref name="position"/>.</summary>
    public bool SetInSentence(int position) =>
        _setAt >= 0 && _setAt <= position && position - _setAt <= Reach && !SentenceBreak(Text.AsSpan(_setAt, position - _setAt));

    private static bool SentenceBreak(ReadOnlySpan<char> span)
    {
        for (var i = 0; i + 1 < span.Length; i++)
        {
            if (span[i] is '.' or '!' or '?' or '\n' && char.IsWhiteSpace(span[i + 1]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether an explicit expression set the narrative time near <paramref name="position"/>.</summary>
    public bool HasNarrative(int position) => Narrative(position) is var (d, g) && (d != Reference || g != Granularity.Day || _setAt >= 0 && position - _setAt <= Reach);

    /// <summary>The narrative day, when the narrative time is known to the day; else the reference date.</summary>
    public DateOnly NarrativeDay(int position, bool acrossParagraphs = false)
    {
        var (d, g) = Narrative(position, acrossParagraphs);
        if (g != Granularity.Day && acrossParagraphs && _lastDayAt >= 0 && _lastDayAt <= position && position - _lastDayAt <= Reach)
        {
            return _lastDay; // "on March 6, implementing the July 2016 decision. ... the same day": the last day told
        }
        return g == Granularity.Day ? d : Reference;
    }
}
