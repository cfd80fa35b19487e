using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>
/// Many invented but realistic events written through the data layer: articles of 20 events each (the quotes are
/// lines of the article's text), ten actors with skewed frequencies, every event type, dates from 1994 to 2016
/// with day, range, month and year precision. The actors and words are disjoint from <see cref="InventedTimeline"/>
/// (no Kim Jong-un, Donald Trump, North Korea...; no "missile", "summit"), so its filters and searches give the same
/// results with these events around them. Deterministic for a given count.
/// </summary>
public static class SyntheticTimeline
{
    /// <summary>Actor slugs and names, most frequent first.</summary>
    public static readonly IReadOnlyList<(string Slug, string Name)> Actors =
    [
        ("china", "China"), ("russia", "Russia"), ("united-nations", "United Nations"), ("xi-jinping", "Xi Jinping"),
        ("moon-jae-in", "Moon Jae-in"), ("iaea", "IAEA"), ("vladimir-putin", "Vladimir Putin"), ("kim-yo-jong", "Kim Yo-jong"),
        ("shinzo-abe", "Shinzo Abe"), ("mongolia", "Mongolia"),
    ];

    private static readonly string[] Places = ["Beijing", "Moscow", "Vladivostok", "Ulaanbaatar", "Geneva", "Dandong", "Yongbyon", "Kaesong"];

    private static readonly string[] Verbs = ["announces", "holds", "rejects", "proposes", "condemns", "backs", "signs", "reviews"];

    private static readonly string[] Objects =
        ["joint naval drills", "a trade agreement", "an inspection report", "a border crossing deal", "an aid package",
         "a reactor inspection", "a rail link plan", "a fisheries accord", "a statement on the peninsula", "an envoy visit"];

    private static readonly string[] Fillers =
        ["officials said", "according to the agency", "the ministry confirmed", "diplomats noted", "the report added", "in a statement"];

    /// <summary>Writes <paramref name="count"/> events (and their articles and actors); returns their ids.</summary>
    public static async Task<IReadOnlyList<int>> SeedAsync(IDbContextFactory<TimelineDbContext> contexts, int count, CancellationToken cancellationToken = default)
    {
        var random = new Random(count);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Actors.ToDictionaryAsync(a => a.Slug, cancellationToken);
        var actors = Actors.Select(a => existing.GetValueOrDefault(a.Slug) ?? new Actor { Slug = a.Slug, Name = a.Name, Kind = "country" }).ToList();
        var weights = Enumerable.Range(1, actors.Count).Select(k => 1.0 / k).ToArray();
        var events = new List<Event>();
        for (var first = 0; first < count; first += 20)
        {
            var specs = new List<(Event Event, string Quote)>();
            for (var i = first; i < Math.Min(count, first + 20); i++)
            {
                var chosen = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => actors[Pick(random, weights)]).Distinct().ToList();
                var start = new DateOnly(1994, 1, 1).AddDays(random.Next(new DateOnly(2016, 12, 31).DayNumber - new DateOnly(1994, 1, 1).DayNumber));
                var (end, precision) = random.Next(10) switch
                {
                    < 6 => (start, DatePrecision.Day),
                    < 8 => (new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)), DatePrecision.Month),
                    8 => (start.AddDays(random.Next(1, 6)), DatePrecision.Range),
                    _ => (new DateOnly(start.Year, 12, 31), DatePrecision.Year),
                };
                if (precision == DatePrecision.Month)
                {
                    start = new DateOnly(start.Year, start.Month, 1);
                }
                else if (precision == DatePrecision.Year)
                {
                    start = new DateOnly(start.Year, 1, 1);
                }
                var place = random.Next(3) == 0 ? null : Places[random.Next(Places.Length)];
                var title = $"{chosen[0].Name} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}" + (place is null ? "" : $" in {place}");
                var quote = $"{chosen[^1].Name} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}, {Fillers[random.Next(Fillers.Length)]} ({i + 1}).";
                var e = new Event
                {
                    Title = title,
                    Slug = Slugs.From(title),
                    Type = EventTypes.All[random.Next(EventTypes.All.Count)].Type,
                    Start = start,
                    End = end,
                    Precision = precision,
                    DateText = precision == DatePrecision.Day ? null : "around then",
                    Location = place,
                    Confidence = 0.5 + random.Next(50) / 100.0,
                    Actors = chosen.Select(a => new EventActor { Actor = a }).ToList(),
                };
                specs.Add((e, quote));
            }
            var text = string.Join('\n', specs.Select(s => s.Quote));
            var article = new Article
            {
                Source = $"synthetic/{first / 20:D4}.txt",
                Title = $"Synthetic wire report {first / 20 + 1}",
                Outlet = "Synthetic Wire",
                Published = specs.Max(s => s.Event.End),
                PublishedSource = "given",
                ContentHash = $"{first:D63}e", // apart from the sample articles' hashes (all 0s, all 1s)
                Text = text,
                ExtractorVersion = "test",
                ImportedAt = DateTimeOffset.UnixEpoch,
            };
            foreach (var (e, quote) in specs)
            {
                var start = text.IndexOf(quote, StringComparison.Ordinal);
                e.Evidence.Add(new Evidence { Article = article, Start = start, End = start + quote.Length, Text = quote });
                events.Add(e);
            }
            db.Articles.Add(article);
        }
        db.Events.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        return events.Select(e => e.Id).ToList();
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}

/// <summary>
/// The app at real size: <see cref="InventedTimeline"/> (its filters and searches give the same results) among
/// <see cref="SyntheticCount"/> synthetic events.
/// </summary>
public sealed class LargeTimelineAppFactory : TimelineAppFactory
{
    /// <summary>How many synthetic events surround the invented ones.</summary>
    public const int SyntheticCount = 500;

    protected override bool SeedSample => false;

    /// <summary>The invented events, in <see cref="InventedTimeline.Specs"/> order.</summary>
    public IReadOnlyList<Event> Events { get; private set; } = [];

    /// <summary>Every event in the database.</summary>
    public int TotalEvents => Events.Count + SyntheticCount;

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        Events = await InventedTimeline.SeedAsync(contexts);
        await SyntheticTimeline.SeedAsync(contexts, SyntheticCount);
    }
}
