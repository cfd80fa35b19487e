using KoreaTimeline.Data.Import;
using KoreaTimeline.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>Event ids survive re-imports and re-extraction; a replaced id leads to its successor through an alias.</summary>
public class PermalinkTest
{
    /// <summary>The database the tests run on; PermalinkTestPostgres runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Invented reporting, written for these tests: both events are dated relative to the published date.
    private const string Article = """
        North Korea launched two short-range ballistic missiles toward the sea on Tuesday, the South Korean military said.

        On Monday, South Korea and the United States began a joint military exercise near the border.
        """;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static async Task<List<(int Id, Extraction.Pipeline.EventType Type, DateOnly Start)>> EventsAsync(TemporaryDatabase db)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        return (await context.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Type, e.Start }).ToListAsync(Cancellation))
            .Select(e => (e.Id, e.Type, e.Start)).ToList();
    }

    [Fact]
    public async Task A_changed_sidecar_date_keeps_the_ids_of_the_same_events()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("drills.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var before = await EventsAsync(db);
        Assert.Equal(2, before.Count);

        // Two months later: no date overlaps any more, the quotes are the same.
        db.WriteArticle("drills.txt", Article, """{"published": "2025-05-21"}""");
        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.Changed, result.Status);
        Assert.Equal((0, 0), (result.EventsAdded, result.EventsRemoved));
        var after = await EventsAsync(db);
        Assert.Equal(before.Select(e => (e.Id, e.Type)), after.Select(e => (e.Id, e.Type)));
        Assert.All(after, e => Assert.True(e.Start > new DateOnly(2025, 5, 1), $"event {e.Id} still dated {e.Start}"));
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Empty(await context.EventAliases.ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Reextraction_with_another_published_date_keeps_the_ids()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("drills.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var before = await EventsAsync(db);
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            await context.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.Published, new DateOnly(2024, 9, 4)), Cancellation);
        }

        var result = Assert.Single(await db.Importer.ReextractAsync(onlyStale: false, cancellationToken: Cancellation));

        Assert.Equal((0, 0), (result.EventsAdded, result.EventsRemoved));
        var after = await EventsAsync(db);
        Assert.Equal(before.Select(e => e.Id), after.Select(e => e.Id));
        Assert.All(after, e => Assert.True(e.Start < new DateOnly(2024, 10, 1), $"event {e.Id} still dated {e.Start}"));
    }

    [Fact]
    public async Task A_replaced_event_leads_to_its_successor_through_an_alias()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        var path = db.WriteArticle("launch.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var old = Assert.Single(await EventsAsync(db));

        // Another text, another date, no shared quote: not recognisably the same event, but it took its place.
        File.WriteAllText(path, "North Korea test-fired a ballistic missile from its west coast on Jan. 5, officials in Seoul said.");
        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal((1, 1), (result.EventsAdded, result.EventsRemoved));
        var replacement = Assert.Single(await EventsAsync(db));
        Assert.NotEqual(old.Id, replacement.Id);
        using var queries = new TimelineQueries(db.Contexts);
        var successor = await queries.FindSuccessorAsync(old.Id, Cancellation);
        Assert.Equal(replacement.Id, successor?.Id);
        Assert.Null(await queries.FindSuccessorAsync(replacement.Id, Cancellation));
        Assert.Null(await queries.FindSuccessorAsync(old.Id + 1000, Cancellation));
    }

    [Fact]
    public async Task Successive_replacements_keep_every_old_id_one_step_from_the_live_event()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        var path = db.WriteArticle("launch.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var first = Assert.Single(await EventsAsync(db));
        File.WriteAllText(path, "North Korea test-fired a ballistic missile from its west coast on Jan. 5, officials in Seoul said.");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var second = Assert.Single(await EventsAsync(db));
        File.WriteAllText(path, "Pyongyang launched a ballistic missile over the sea on Feb. 20, the Japanese defence ministry said.");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var third = Assert.Single(await EventsAsync(db));

        Assert.Equal(3, new[] { first.Id, second.Id, third.Id }.Distinct().Count());
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var aliases = await context.EventAliases.OrderBy(a => a.OldId).Select(a => new { a.OldId, a.EventId }).ToListAsync(Cancellation);
        Assert.Equal([new { OldId = first.Id, EventId = third.Id }, new { OldId = second.Id, EventId = third.Id }], aliases);
        using var queries = new TimelineQueries(db.Contexts);
        Assert.Equal(third.Id, (await queries.FindSuccessorAsync(first.Id, Cancellation))?.Id);
    }

    [Fact]
    public async Task An_event_merged_away_into_another_articles_event_leads_to_it()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the East Sea on Tuesday, South Korea's military said.", """{"published": "2025-03-12"}""");
        var b = db.WriteArticle("b.txt", "North Korea test-fired a ballistic missile from its west coast on Jan. 5, officials in Seoul said.", """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        var events = await EventsAsync(db);
        Assert.Equal(2, events.Count);
        var (kept, mergedAway) = (events.Single(e => e.Start == new DateOnly(2025, 3, 11)), events.Single(e => e.Start == new DateOnly(2025, 1, 5)));

        // The second article now reports the first one's launch instead.
        File.WriteAllText(b, "North Korea fired a ballistic missile into the sea on Tuesday, the South Korean military said.");
        var result = (await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation)).Single(r => r.Source == "b.txt");

        Assert.Equal((0, 1, 1), (result.EventsAdded, result.EventsMerged, result.EventsRemoved));
        Assert.Equal(kept.Id, Assert.Single(await EventsAsync(db)).Id);
        using var queries = new TimelineQueries(db.Contexts);
        Assert.Equal(kept.Id, (await queries.FindSuccessorAsync(mergedAway.Id, Cancellation))?.Id);
    }

    [Fact]
    public async Task A_cycle_of_aliases_or_a_chain_to_nothing_resolves_to_no_event()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            var now = DateTimeOffset.UtcNow;
            context.EventAliases.AddRange(
                new Entities.EventAlias { OldId = 500, EventId = 501, CreatedAt = now },
                new Entities.EventAlias { OldId = 501, EventId = 500, CreatedAt = now },
                new Entities.EventAlias { OldId = 600, EventId = 601, CreatedAt = now });
            await context.SaveChangesAsync(Cancellation);
        }
        using var queries = new TimelineQueries(db.Contexts);

        Assert.Null(await queries.FindSuccessorAsync(500, Cancellation));
        Assert.Null(await queries.FindSuccessorAsync(600, Cancellation));
    }
}

/// <summary>The tests of <see cref="PermalinkTest"/> on PostgreSQL.</summary>
public sealed class PermalinkTestPostgres : PermalinkTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
