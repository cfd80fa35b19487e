using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>A small invented timeline written straight through the DbContext: one article, three events, two actors.</summary>
public sealed record SampleTimeline(Article Article, IReadOnlyList<Event> Events)
{
    /// <summary>One line per paragraph; the second holds markup that must come out as text.</summary>
    public const string ArticleText =
        "On Sunday a sample carrier group arrived in port, officials said, as sample talks were expected to resume late this year.\n" +
        "In February the sample state tested a cruise missile <b>again</b>, the report added.\n" +
        "Nothing else happened.";

    /// <summary>The event dated to one day.</summary>
    public Event DayEvent => Events[0];

    /// <summary>Inserts the sample into a migrated database.</summary>
    public static async Task<SampleTimeline> SeedAsync(IDbContextFactory<TimelineDbContext> contexts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var article = new Article
        {
            Source = "sample/article-1.txt",
            Title = "Sample article on port calls and tests",
            Outlet = "Sample Wire",
            Published = new DateOnly(2025, 3, 3),
            PublishedSource = "given",
            ContentHash = new string('0', 64),
            Text = ArticleText,
            ExtractorVersion = "test",
            ImportedAt = DateTimeOffset.UnixEpoch,
        };
        var unitedStates = new Actor { Slug = "united-states", Name = "United States", Kind = "country" };
        var southKorea = new Actor { Slug = "south-korea", Name = "South Korea", Kind = "country" };

        var arrival = NewEvent("Sample carrier group arrives in port", "sample-carrier-group-arrives-in-port", EventType.Deployment,
            new(2025, 3, 2), new(2025, 3, 2), DatePrecision.Day, "On Sunday", "Busan");
        var missile = NewEvent("Sample cruise missile test", "sample-cruise-missile-test", EventType.MissileTest,
            new(2025, 2, 1), new(2025, 2, 28), DatePrecision.Month, "In February", null);
        var talks = NewEvent("Sample talks expected to resume", "sample-talks-expected-to-resume", EventType.Negotiation,
            new(2025, 9, 1), new(2025, 12, 31), DatePrecision.Approximate, "late this year", null);

        arrival.Actors.Add(new EventActor { Actor = unitedStates });
        arrival.Actors.Add(new EventActor { Actor = southKorea });
        talks.Actors.Add(new EventActor { Actor = unitedStates });

        // The arrival and talks quotes overlap on "arrived in port".
        AddEvidence(article, arrival, "On Sunday a sample carrier group arrived in port");
        AddEvidence(article, talks, "arrived in port, officials said, as sample talks were expected to resume late this year");
        AddEvidence(article, missile, "In February the sample state tested a cruise missile <b>again</b>");

        db.Articles.Add(article);
        db.Events.AddRange(arrival, missile, talks);
        await db.SaveChangesAsync(cancellationToken);
        return new SampleTimeline(article, [arrival, missile, talks]);
    }

    private static Event NewEvent(string title, string slug, EventType type, DateOnly start, DateOnly end, DatePrecision precision,
        string? dateText, string? location) => new()
    {
        Title = title,
        Slug = slug,
        Type = type,
        Start = start,
        End = end,
        Precision = precision,
        DateText = dateText,
        Location = location,
        Confidence = 0.9,
    };

    private static void AddEvidence(Article article, Event e, string quote)
    {
        var start = article.Text.IndexOf(quote, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"The sample article does not contain \"{quote}\".");
        }
        var evidence = new Evidence { Article = article, Event = e, Start = start, End = start + quote.Length, Text = quote };
        e.Evidence.Add(evidence);
    }
}
