using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>
/// Twelve invented events (no news text) over six actors, built for filter, search, paging and count tests.
/// Each event's quote is one line of one invented article.
/// </summary>
public static class InventedTimeline
{
    /// <summary>An invented event: title, type, interval, precision, actor slugs, place and quote.</summary>
    public sealed record Spec(string Title, EventType Type, DateOnly Start, DateOnly End, DatePrecision Precision, string[] Actors, string? Place, string Quote);

    public static readonly IReadOnlyDictionary<string, string> ActorNames = new Dictionary<string, string>
    {
        ["north-korea"] = "North Korea",
        ["kim-jong-un"] = "Kim Jong-un",
        ["donald-trump"] = "Donald Trump",
        ["south-korea"] = "South Korea",
        ["united-states"] = "United States",
        ["japan"] = "Japan",
    };

    public static readonly IReadOnlyList<Spec> Specs =
    [
        new("Leaders meet at an invented summit", EventType.Summit, new(2018, 6, 12), new(2018, 6, 12), DatePrecision.Day,
            ["kim-jong-un", "donald-trump", "north-korea", "united-states"], "Singapore", "The two leaders shook hands at the invented summit by the harbour."),
        new("Invented summit ends without a deal", EventType.Summit, new(2019, 2, 27), new(2019, 2, 28), DatePrecision.Range,
            ["kim-jong-un", "donald-trump"], "Hanoi", "The second invented summit broke up early with no joint text."),
        new("Short-range ballistic missile fired", EventType.MissileTest, new(2019, 5, 4), new(2019, 5, 4), DatePrecision.Day,
            ["north-korea", "kim-jong-un"], "Wonsan", "A short-range ballistic missile flew east into the sea, the invented report said."),
        new("Missile launched over the sea", EventType.MissileTest, new(2022, 11, 2), new(2022, 11, 2), DatePrecision.Day,
            ["north-korea"], null, "Several launches of a cruise missile were tracked in the morning."),
        new("Underground nuclear test detected", EventType.NuclearTest, new(2017, 9, 3), new(2017, 9, 3), DatePrecision.Day,
            ["north-korea", "kim-jong-un"], "Punggye-ri", "Seismographs recorded a tremor from an underground nuclear test."),
        new("Joint drills begin in the south", EventType.Exercise, new(2017, 8, 21), new(2017, 8, 31), DatePrecision.Range,
            ["united-states", "south-korea"], null, "Thousands of troops joined the yearly joint drills."),
        new("New sanctions on shipping", EventType.Sanctions, new(2017, 12, 1), new(2017, 12, 31), DatePrecision.Month,
            ["united-states", "north-korea"], null, "Sanctions targeted ships that moved coal at sea."),
        new("Talks held at the border village", EventType.Negotiation, new(2018, 4, 27), new(2018, 4, 27), DatePrecision.Day,
            ["kim-jong-un", "south-korea"], "Panmunjom", "Delegations sat down for talks in the border village."),
        new("Statement praises the summit", EventType.Statement, new(2018, 6, 13), new(2018, 6, 13), DatePrecision.Day,
            ["donald-trump"], null, "A statement the next day called the meeting historic."),
        new("Brief meeting in the demilitarized zone", EventType.Meeting, new(2019, 6, 30), new(2019, 6, 30), DatePrecision.Day,
            ["kim-jong-un", "donald-trump", "south-korea"], "Panmunjom", "They stepped across the line for a brief handshake."),
        new("Carrier group sent to the region", EventType.Deployment, new(2020, 9, 1), new(2020, 12, 31), DatePrecision.Approximate,
            ["united-states", "japan"], "Sea of Japan", "A carrier group sailed north late in the year."),
        new("Warning of fire and fury", EventType.Threat, new(2017, 8, 8), new(2017, 8, 8), DatePrecision.Day,
            ["donald-trump", "north-korea"], null, "The warning promised fire and fury if threats continued."),
    ];

    /// <summary>Writes the article, actors and events; returns the events in <see cref="Specs"/> order.</summary>
    public static async Task<IReadOnlyList<Event>> SeedAsync(IDbContextFactory<TimelineDbContext> contexts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var text = string.Join('\n', Specs.Select(s => s.Quote));
        var article = new Article
        {
            Source = "invented/filters.txt",
            Title = "An invented article for filter tests",
            Outlet = "Invented Wire",
            Published = new DateOnly(2023, 1, 1),
            PublishedSource = "given",
            ContentHash = new string('1', 64),
            Text = text,
            ExtractorVersion = "test",
            ImportedAt = DateTimeOffset.UnixEpoch,
        };
        var existing = await db.Actors.ToDictionaryAsync(a => a.Slug, cancellationToken);
        var actors = ActorNames.ToDictionary(kv => kv.Key, kv => existing.GetValueOrDefault(kv.Key) ?? new Actor { Slug = kv.Key, Name = kv.Value, Kind = "country" });
        var events = new List<Event>();
        foreach (var spec in Specs)
        {
            var e = new Event
            {
                Title = spec.Title,
                Slug = Slugs.From(spec.Title),
                Type = spec.Type,
                Start = spec.Start,
                End = spec.End,
                Precision = spec.Precision,
                DateText = spec.Precision == DatePrecision.Day ? null : "around then",
                Location = spec.Place,
                Confidence = 0.8,
                Actors = spec.Actors.Select(a => new EventActor { Actor = actors[a] }).ToList(),
            };
            var start = text.IndexOf(spec.Quote, StringComparison.Ordinal);
            e.Evidence.Add(new Evidence { Article = article, Start = start, End = start + spec.Quote.Length, Text = spec.Quote });
            events.Add(e);
        }
        db.Articles.Add(article);
        db.Events.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        return events;
    }
}

/// <summary>The app with <see cref="InventedTimeline"/> and no sample.</summary>
public class InventedTimelineAppFactory : TimelineAppFactory
{
    protected override bool SeedSample => false;

    /// <summary>The invented events, in <see cref="InventedTimeline.Specs"/> order.</summary>
    public IReadOnlyList<Event> Events { get; private set; } = [];

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts) =>
        Events = await InventedTimeline.SeedAsync(contexts);
}

/// <summary>The invented timeline on PostgreSQL.</summary>
public sealed class InventedTimelinePostgresAppFactory : InventedTimelineAppFactory
{
    public InventedTimelinePostgresAppFactory() => Provider = DatabaseProvider.Postgres;
}
