namespace KoreaTimeline.Extraction.Temporal.Refining;

/// <summary>
/// The two anchors relative expressions resolve against: the reference (article) date for deictic ones
/// ("last Friday", "this year") and the narrative's current time for anaphoric ones ("the next day", "that month"),
/// which explicit dates move and which fades after a paragraph break or a long stretch of text.
/// </summary>
internal sealed class Anchors(string text, DateOnly reference)
{
    private const int Reach = 600;

    public DateOnly Reference { get; } = reference;
    private DateOnly _narrative = reference;
    private Granularity _granularity = Granularity.Day;
    private int _setAt = -1;

    public void Move(DateOnly date, Granularity granularity, int position)
    {
        _narrative = date;
        _granularity = granularity;
        _setAt = position;
    }

    /// <summary>The narrative time at <paramref name="position"/>, or the reference date when none is near.</summary>
    public (DateOnly Date, Granularity Granularity) Narrative(int position)
    {
        if (_setAt < 0 || position - _setAt > Reach || position < _setAt
            || text.AsSpan(_setAt, position - _setAt).Contains("\n\n", StringComparison.Ordinal))
        {
            return (Reference, Granularity.Day);
        }

        return (_narrative, _granularity);
    }

    /// <summary>The narrative day, when the narrative time is known to the day; else the reference date.</summary>
    public DateOnly NarrativeDay(int position)
    {
        var (d, g) = Narrative(position);
        return g == Granularity.Day ? d : Reference;
    }
}
