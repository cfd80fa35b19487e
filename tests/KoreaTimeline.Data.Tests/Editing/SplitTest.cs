using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests.Editing;

/// <summary>
/// Quotes an editor splits off an event become an event of their own, with its own permalink and history, and stay
/// apart through a re-import with another published date and a <c>reextract</c> (which state them in one event again).
/// </summary>
public sealed class SplitTest
{
    // Invented reporting: the extractor joins the second sentence ("The launch ...") to the first as one launch.
    private const string Article = """
        North Korea fired a ballistic missile toward the sea on Tuesday, the South Korean military said. The launch was the third this month.

        On Monday, South Korea and the United States began a joint military exercise near the border.
        """;

    private const string Second = "The launch was the third this month";

    private static readonly EditorIdentity Editor = new("user-1", "ed");

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Split_quotes_become_an_event_of_their_own_that_survives_reimport_and_reextract()
    {
        await using var db = await ImportedAsync();
        var launch = await LaunchAsync(db);
        Assert.Equal(2, launch.Evidence.Count);
        var chosen = launch.Evidence.Single(v => v.Text == Second);
        var editor = db.Services.GetRequiredService<EventEditor>();

        var result = await editor.SplitAsync(launch.Id, [new QuoteKey(chosen.ArticleId, chosen.Start, chosen.End)],
            "North Korea's third launch this month", Editor, "Two statements", Cancellation);

        Assert.True(result.Succeeded, result.Message);
        Assert.NotEqual(launch.Id, result.EventId);
        Assert.Equal("north-koreas-third-launch-this-month", result.Slug);
        // Corrections of the new event apply on top of the split.
        Assert.True((await editor.CorrectTypeAsync(result.EventId, "statement", Editor, cancellationToken: Cancellation)).Succeeded);
        await AssertSplitAsync(db, launch.Id, result.EventId);

        db.WriteArticle("launch.txt", Article, """{"published": "2025-05-21"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        await AssertSplitAsync(db, launch.Id, result.EventId);
        await db.Importer.ReextractAsync(onlyStale: false, cancellationToken: Cancellation);
        await AssertSplitAsync(db, launch.Id, result.EventId);

        var editorial = db.Services.GetRequiredService<EditorialQueries>();
        var fromSource = (await editorial.GetHistoryAsync(launch.Id, Cancellation)).Single(h => h.Field == CorrectionFields.Split);
        Assert.Equal(("2 quotes", $"1 quote split off into event {result.EventId}: North Korea's third launch this month", "Two statements"),
            (fromSource.Before, fromSource.After, fromSource.Note));
        var ofSplit = (await editorial.GetHistoryAsync(result.EventId, Cancellation)).Single(h => h.Field == CorrectionFields.Split);
        Assert.StartsWith($"1 quote of event {launch.Id}: ", ofSplit.Before, StringComparison.Ordinal);
        Assert.Equal("ed", ofSplit.By);
    }

    [Fact]
    public async Task Hiding_a_split_event_keeps_the_event_it_was_split_from_through_reimport_and_shows_it_again()
    {
        await using var db = await ImportedAsync();
        var launch = await LaunchAsync(db);
        var chosen = launch.Evidence.Single(v => v.Text == Second);
        var editor = db.Services.GetRequiredService<EventEditor>();
        var split = await editor.SplitAsync(launch.Id, [new QuoteKey(chosen.ArticleId, chosen.Start, chosen.End)], null, Editor, cancellationToken: Cancellation);
        Assert.True((await editor.HideAsync(split.EventId, Editor, "Not an event", Cancellation)).Succeeded);

        db.WriteArticle("launch.txt", Article, """{"published": "2025-05-21"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);

        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            var quotes = await context.Evidence.Select(v => new { v.EventId, v.Text }).ToListAsync(Cancellation);
            Assert.Contains(quotes, q => q.EventId == launch.Id && q.Text.StartsWith("North Korea fired", StringComparison.Ordinal));
            Assert.DoesNotContain(quotes, q => q.Text == Second);
            Assert.False(await context.Events.AnyAsync(e => e.Id == split.EventId, Cancellation));
        }
        var shown = await editor.UnhideAsync(split.EventId, Editor, null, Cancellation);
        Assert.Equal(split.EventId, shown.EventId);
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            Assert.Equal(Second, (await context.Evidence.SingleAsync(v => v.EventId == split.EventId, Cancellation)).Text);
        }
    }

    [Fact]
    public async Task A_split_is_refused_without_quotes_with_all_quotes_or_with_a_quote_of_another_event()
    {
        await using var db = await ImportedAsync();
        var launch = await LaunchAsync(db);
        var editor = db.Services.GetRequiredService<EventEditor>();
        var all = launch.Evidence.Select(v => new QuoteKey(v.ArticleId, v.Start, v.End)).ToList();

        var none = await editor.SplitAsync(launch.Id, [], null, Editor, cancellationToken: Cancellation);
        var everything = await editor.SplitAsync(launch.Id, all, null, Editor, cancellationToken: Cancellation);
        var foreign = await editor.SplitAsync(launch.Id, [new QuoteKey(all[0].ArticleId, 9000, 9010)], null, Editor, cancellationToken: Cancellation);
        var missing = await editor.SplitAsync(999_999, [all[0]], null, Editor, cancellationToken: Cancellation);

        Assert.Equal(EditStatus.Invalid, none.Status);
        Assert.Contains("Choose the quotes", none.Message, StringComparison.Ordinal);
        Assert.Contains("at least one quote", everything.Message, StringComparison.Ordinal);
        Assert.Contains("not a quote of this event", foreign.Message, StringComparison.Ordinal);
        Assert.Equal(EditStatus.NotFound, missing.Status);
        Assert.Equal(2, (await LaunchAsync(db)).Evidence.Count);
        Assert.Equal(new QuoteKey(3, 10, 20), QuoteKey.Parse("3:10:20"));
        Assert.Null(QuoteKey.Parse("3:x:20"));
    }

    private static async Task<TemporaryDatabase> ImportedAsync()
    {
        var db = await TemporaryDatabase.CreateAsync();
        db.WriteArticle("launch.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        return db;
    }

    private static async Task<Event> LaunchAsync(TemporaryDatabase db)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        return await context.Events.AsNoTracking().Include(e => e.Evidence).SingleAsync(e => e.Type == EventType.MissileTest, Cancellation);
    }

    private static async Task AssertSplitAsync(TemporaryDatabase db, int sourceId, int splitId)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var quotes = await context.Evidence.Where(v => v.EventId == sourceId || v.EventId == splitId)
            .Select(v => new { v.EventId, v.Text }).ToListAsync(Cancellation);
        Assert.Equal(Second, Assert.Single(quotes, q => q.EventId == splitId).Text);
        Assert.StartsWith("North Korea fired", Assert.Single(quotes, q => q.EventId == sourceId).Text, StringComparison.Ordinal);
        var split = await context.Events.AsNoTracking().SingleAsync(e => e.Id == splitId, Cancellation);
        Assert.Equal((EventType.Statement, "North Korea's third launch this month"), (split.Type, split.Title));
        Assert.False(await context.EventAliases.AnyAsync(a => a.OldId == splitId, Cancellation));
        Assert.Equal(splitId, (await new TimelineQueries(db.Contexts).GetEventAsync(splitId, Cancellation))?.Summary.Id);
    }
}
