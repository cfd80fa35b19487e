using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests.Editing;

/// <summary>Two events an editor merged stay one through re-imports and re-extraction; the merged-away permalink redirects.</summary>
public class MergeTest
{
    /// <summary>The database the tests run on; MergeTestPostgres runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly EditorIdentity Editor = new("user-1", "ed");

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_merged_event_redirects_and_stays_merged_after_reimport_and_reextract()
    {
        await using var db = await TemporaryDatabase.CreateAsync(Provider);
        // Invented reports of one launch that the importer keeps apart (different types).
        db.WriteArticle("a.txt", "North Korea fired a ballistic missile into the sea on Tuesday.", """{"published": "2025-03-12"}""");
        db.WriteArticle("b.txt", "On Tuesday, Japan said North Korea threatened to strike its ships.", """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        List<(int Id, string Source)> events;
        await using (var context = await db.Contexts.CreateDbContextAsync(Cancellation))
        {
            events = (await context.Evidence.Select(v => new { v.EventId, v.Article.Source }).Distinct().ToListAsync(Cancellation))
                .Select(x => (x.EventId, x.Source)).ToList();
        }
        var target = events.First(e => e.Source == "a.txt").Id;
        var source = events.First(e => e.Source == "b.txt").Id;
        Assert.NotEqual(target, source);
        var editor = db.Services.GetRequiredService<EventEditor>();

        Assert.Equal(EditStatus.Invalid, (await editor.MergeAsync(target, target, Editor, cancellationToken: Cancellation)).Status);
        var result = await editor.MergeAsync(target, source, Editor, "Same launch", Cancellation);

        Assert.True(result.Succeeded, result.Message);
        await AssertMergedAsync(db, target, source);

        db.WriteArticle("b.txt", "On Tuesday, Japan said North Korea threatened to strike its ships.", """{"published": "2025-03-13"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        await AssertMergedAsync(db, target, source);

        await db.Importer.ReextractAsync(onlyStale: false, cancellationToken: Cancellation);
        await AssertMergedAsync(db, target, source);

        var history = await db.Services.GetRequiredService<EditorialQueries>().GetHistoryAsync(target, Cancellation);
        Assert.Equal(("merge", $"merged into event {target}", "Same launch"), (history[0].Field, history[0].After, history[0].Note));
    }

    private static async Task AssertMergedAsync(TemporaryDatabase db, int target, int source)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var quotes = await context.Evidence.Select(v => new { v.EventId, v.Article.Source }).ToListAsync(Cancellation);
        Assert.All(quotes, q => Assert.Equal(target, q.EventId));
        Assert.Equal(["a.txt", "b.txt"], quotes.Select(q => q.Source).Distinct().Order());
        Assert.Equal(1, await context.Events.CountAsync(Cancellation));
        Assert.Equal(target, (await new TimelineQueries(db.Contexts).FindSuccessorAsync(source, Cancellation))?.Id);
    }
}

/// <summary>The tests of <see cref="MergeTest"/> on PostgreSQL.</summary>
public sealed class MergeTestPostgres : MergeTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
