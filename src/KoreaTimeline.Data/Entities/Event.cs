using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Data.Entities;

/// <summary>One event on the timeline, stated by one or more evidence spans in one or more articles.</summary>
public class Event
{
    public int Id { get; set; }

    /// <summary>A short headline: subject, action, object or place.</summary>
    public required string Title { get; set; }

    /// <summary>URL slug of the title; the permalink is <c>/events/{Id}/{Slug}</c>.</summary>
    public required string Slug { get; set; }

    public EventType Type { get; set; }

    /// <summary>First day of the inclusive interval the event happened in.</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day of the inclusive interval.</summary>
    public DateOnly End { get; set; }

    public DatePrecision Precision { get; set; }

    /// <summary>The TIMEX3 value of the governing expression, e.g. <c>2019-02</c>.</summary>
    public string? Timex { get; set; }

    /// <summary>The phrase that dates the event, as written; null when only the article date implies it.</summary>
    public string? DateText { get; set; }

    public string? Location { get; set; }

    public double Confidence { get; set; }

    public List<EventActor> Actors { get; set; } = [];

    public List<Evidence> Evidence { get; set; } = [];
}
