using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>
/// The sample (its arrival also quoted by an untitled article with only an address and by an untitled raw file), 300
/// synthetic events in 15 articles, <see cref="IndexActors"/> actors of their own with 1 to 5 events each (so the actor
/// index has more than one page), and <see cref="EmptyArticles"/> articles without events (so the article index too).
/// </summary>
public sealed class SourcedTimelineAppFactory : TimelineAppFactory
{
    /// <summary>Actors "Index actor 00" .. with k % 5 + 1 events each, the last in 1930 + k.</summary>
    public const int IndexActors = 60;

    /// <summary>Articles "Index article 00" .. (outlet "Outlet k % 3") that state no event.</summary>
    public const int EmptyArticles = 40;

    /// <summary>The untitled article with an address (credited to its host).</summary>
    public Article Addressed { get; private set; } = null!;

    /// <summary>The untitled article without outlet or address, imported from a file (credited to its first sentence).</summary>
    public Article Raw { get; private set; } = null!;

    /// <summary>The first sentence of <see cref="Raw"/>: its title and credit.</summary>
    public const string RawHeadline = "SEOUL, March 5 -- The carrier group arrived in port on Sunday, officials said.";

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await SyntheticTimeline.SeedAsync(contexts, 300);
        await using var db = await contexts.CreateDbContextAsync();
        var arrival = await db.Events.SingleAsync(e => e.Id == Sample!.DayEvent.Id);
        Addressed = NewArticle("web/addressed.html", null, null, "https://www.example-news.com/2025/03/carrier",
            "Carrier group sails into Busan\n\nOn Sunday a carrier group arrived in port again, the navy said.", new DateOnly(2025, 3, 4));
        Raw = NewArticle("raw/2025-03-05-wire.txt", null, null, null, RawHeadline + " It left later.", new DateOnly(2025, 3, 5));
        Quote(Addressed, arrival, "On Sunday a carrier group arrived in port again");
        Quote(Raw, arrival, "The carrier group arrived in port on Sunday");
        db.Articles.AddRange(Addressed, Raw);

        for (var k = 0; k < IndexActors; k++)
        {
            var actor = new Actor { Slug = $"index-actor-{k:D2}", Name = $"Index actor {k:D2}", Kind = k % 2 == 0 ? "person" : "organization" };
            for (var n = 0; n <= k % 5; n++)
            {
                var day = new DateOnly(1930 + k - n, 6, 1);
                db.Events.Add(new Event
                {
                    Title = $"Index actor {k:D2} event {n}", Slug = $"index-actor-{k:D2}-event-{n}", Type = EventType.Statement,
                    Start = day, End = day, Precision = DatePrecision.Day, Confidence = 0.5,
                    Actors = [new EventActor { Actor = actor }],
                });
            }
        }
        for (var k = 0; k < EmptyArticles; k++)
        {
            db.Articles.Add(NewArticle($"index/{k:D2}.txt", $"Index article {k:D2}", $"Outlet {k % 3}", null, $"Index article {k:D2} text.",
                new DateOnly(1990, 1, 1).AddDays(k)));
        }
        await db.SaveChangesAsync();
    }

    private static Article NewArticle(string source, string? title, string? outlet, string? url, string text, DateOnly published) => new()
    {
        Source = source, Title = title, Outlet = outlet, Url = url, Text = text, Published = published, PublishedSource = "given",
        ContentHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source))).ToLowerInvariant(),
        ExtractorVersion = "test", ImportedAt = DateTimeOffset.UnixEpoch,
    };

    private static void Quote(Article article, Event e, string quote)
    {
        var start = article.Text.IndexOf(quote, StringComparison.Ordinal);
        e.Evidence.Add(new Evidence { Article = article, Start = start, End = start + quote.Length, Text = quote });
    }
}
