using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Temporal;

/// <summary>Helpers for the event layer.</summary>
public static class TemporalExpressionExtensions
{
    /// <summary>
    /// The interval an ongoing state dated by this expression covers: for "since June last year" (signal <c>since</c>)
    /// the start of June 2024 .. <paramref name="reference"/>, precision range; otherwise the expression's own interval.
    /// </summary>
    public static DateInterval? StateInterval(this TemporalExpression expression, DateOnly reference) =>
        expression switch
        {
            { Signal: "since", Interval: { } iv } when iv.Start <= reference => new DateInterval(iv.Start, reference, DatePrecision.Range),
            _ => expression.Interval,
        };
}
