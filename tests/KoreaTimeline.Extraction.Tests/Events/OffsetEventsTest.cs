using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>
/// Two events in one clause tied by an offset ("a day after", "hours before", "-- a week after"): each is an event,
/// dated from the other. Every text is invented.
/// </summary>
public sealed class OffsetEventsTest
{
    private static readonly DateOnly Friday = new(2025, 3, 14);

    private static IReadOnlyList<ExtractedEvent> Extract(string text) =>
        ArticleExtractor.Default.Extract(new ArticleInput(text, Published: Friday)).Events;

    [Fact]
    public void An_event_a_day_after_another_dates_the_other_a_day_before_it()
    {
        var events = Extract("The army test-fired a cruise missile on Thursday a day after the foreign minister issued a stern warning to Tokyo.");

        Assert.Equal(new DateOnly(2025, 3, 13), Assert.Single(events, e => e.Type == EventType.MissileTest).Date.Start);
        Assert.Equal(new DateOnly(2025, 3, 12), Assert.Single(events, e => e.Type == EventType.Threat).Date.Start);
    }

    [Fact]
    public void An_undated_event_hours_before_a_dated_one_is_on_its_day()
    {
        var events = Extract("Protests spread across the capital. The naval drill was held hours before the rocket launch on Tuesday.");

        Assert.Equal(new DateOnly(2025, 3, 11), Assert.Single(events, e => e.Type == EventType.Exercise).Date.Start);
    }

    [Fact]
    public void An_undated_event_days_before_a_dated_one_is_that_many_days_earlier()
    {
        var events = Extract("Protests spread across the capital. The naval drill was held two days before the rocket launch on Tuesday.");

        Assert.Equal(new DateOnly(2025, 3, 9), Assert.Single(events, e => e.Type == EventType.Exercise).Date.Start);
    }

    [Fact]
    public void An_event_with_a_date_of_its_own_keeps_it_after_an_offset()
    {
        var events = Extract("The halt comes a year after the army resumed the loudspeaker broadcasts in June last year.");

        var resumed = Assert.Single(events, e => e.Evidence[0].Text.Contains("June", StringComparison.Ordinal));
        Assert.Equal(new DateInterval(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), DatePrecision.Month), resumed.Date);
    }

    [Fact]
    public void A_past_event_this_month_ran_up_to_the_article_date()
    {
        var e = Assert.Single(Extract("The regime issued threats against the South this month."));

        Assert.Equal((new DateOnly(2025, 3, 1), Friday), (e.Date.Start, e.Date.End));
    }

    [Fact]
    public void A_dash_before_the_offset_opens_the_second_event()
    {
        var events = Extract("March 12 -- The two leaders met in Hanoi -- a week after the envoys held talks in Geneva.");

        Assert.Contains(events, e => e.Type == EventType.Negotiation && e.Date.Start == new DateOnly(2025, 3, 5));
    }
    [Fact]
    public void A_noun_that_refers_back_anchors_the_offset_of_the_event_it_came_after()
    {
        var events = Extract("The navy fired two cruise missiles on Tuesday. The launches came a day after the defence chiefs met in Ottawa.");

        Assert.Equal(new DateOnly(2025, 3, 11), Assert.Single(events, e => e.Type == EventType.MissileTest).Date.Start);
        Assert.Equal(new DateOnly(2025, 3, 10), Assert.Single(events, e => e.Type == EventType.Meeting).Date.Start);
    }

    [Fact]
    public void An_event_hours_before_the_one_a_noun_refers_back_to_is_on_its_day()
    {
        var events = Extract("The navy fired two cruise missiles on Tuesday. The launches came hours after the defence chiefs met in Ottawa.");

        Assert.Equal(new DateOnly(2025, 3, 11), Assert.Single(events, e => e.Type == EventType.Meeting).Date.Start);
    }
}
