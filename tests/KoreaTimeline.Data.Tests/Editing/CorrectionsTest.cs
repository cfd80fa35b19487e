using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data.Tests.Editing;

/// <summary>
/// Every kind of correction is written into the event at once, audited, and survives a re-import of the article (with
/// another published date, so every extracted date moves) and a <c>reextract</c>; a hidden event stays hidden.
/// </summary>
public class CorrectionsTest
{
    /// <summary>The database the tests run on; CorrectionsTestPostgres runs them all again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Invented reporting, written for these tests (the same as the permalink tests).
    private const string Article = """
        North Korea launched two short-range ballistic missiles toward the sea on Tuesday, the South Korean military said.

        On Monday, South Korea and the United States began a joint military exercise near the border.
        """;

    private static readonly EditorIdentity Editor = new("user-1", "ed");

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private async Task<TemporaryDatabase> ImportedAsync()
    {
        var db = await TemporaryDatabase.CreateAsync(Provider);
        db.WriteArticle("drills.txt", Article, """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        return db;
    }

    private static EventEditor EditorOf(TemporaryDatabase db) => db.Services.GetRequiredService<EventEditor>();

    private static async Task<Event> EventAsync(TemporaryDatabase db, EventType type)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        return await context.Events.AsNoTracking().Include(e => e.Actors).ThenInclude(a => a.Actor).SingleAsync(e => e.Type == type, Cancellation);
    }

    private static async Task<Event?> EventByIdAsync(TemporaryDatabase db, int id)
    {
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        return await context.Events.AsNoTracking().Include(e => e.Actors).ThenInclude(a => a.Actor).SingleOrDefaultAsync(e => e.Id == id, Cancellation);
    }

    /// <summary>Re-imports the article with a published date two months later (every extracted date moves), then re-extracts.</summary>
    private static async IAsyncEnumerable<string> ReimportedAsync(TemporaryDatabase db)
    {
        db.WriteArticle("drills.txt", Article, """{"published": "2025-05-21"}""");
        var imported = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));
        Assert.Equal(KoreaTimeline.Data.Import.ImportStatus.Changed, imported.Status);
        yield return "re-import";
        await db.Importer.ReextractAsync(onlyStale: false, cancellationToken: Cancellation);
        yield return "reextract";
    }

    [Fact]
    public async Task A_date_correction_survives_reimport_and_reextract()
    {
        await using var db = await ImportedAsync();
        var launch = await EventAsync(db, EventType.MissileTest);

        var result = await EditorOf(db).CorrectDateAsync(launch.Id, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11), DatePrecision.Range, Editor, "Two launches over two days", Cancellation);

        Assert.True(result.Succeeded, result.Message);
        await foreach (var step in ReimportedAsync(db))
        {
            var now = await EventByIdAsync(db, launch.Id);
            Assert.NotNull(now);
            Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11), DatePrecision.Range), (now.Start, now.End, now.Precision));
        }
        // The exercise, uncorrected, moved with the published date.
        Assert.True((await EventAsync(db, EventType.Exercise)).Start > new DateOnly(2025, 5, 1));
    }

    [Fact]
    public async Task Type_location_and_headline_corrections_survive_reimport_and_reextract()
    {
        await using var db = await ImportedAsync();
        var launch = await EventAsync(db, EventType.MissileTest);
        var editor = EditorOf(db);

        Assert.True((await editor.CorrectTypeAsync(launch.Id, "threat", Editor, cancellationToken: Cancellation)).Succeeded);
        Assert.True((await editor.CorrectLocationAsync(launch.Id, "Sea of Japan", Editor, cancellationToken: Cancellation)).Succeeded);
        var headline = await editor.CorrectHeadlineAsync(launch.Id, "North Korea fires two missiles into the Sea of Japan", Editor, cancellationToken: Cancellation);
        Assert.True(headline.Succeeded, headline.Message);
        Assert.Equal("north-korea-fires-two-missiles-into-the-sea-of-japan", headline.Slug);

        await foreach (var step in ReimportedAsync(db))
        {
            var now = await EventByIdAsync(db, launch.Id);
            Assert.NotNull(now);
            Assert.Equal(EventType.Threat, now.Type);
            Assert.Equal("Sea of Japan", now.Location);
            Assert.Equal("North Korea fires two missiles into the Sea of Japan", now.Title);
            Assert.Equal(headline.Slug, now.Slug);
        }
    }

    [Fact]
    public async Task Actor_corrections_add_from_the_gazetteer_create_new_ones_and_remove_and_survive()
    {
        await using var db = await ImportedAsync();
        var exercise = await EventAsync(db, EventType.Exercise);
        var editor = EditorOf(db);
        var removed = exercise.Actors.First().Actor;

        var known = await editor.AddActorAsync(exercise.Id, "Japan", null, Editor, cancellationToken: Cancellation);
        var unknownWithoutKind = await editor.AddActorAsync(exercise.Id, "Joint Drill Command Alpha", null, Editor, cancellationToken: Cancellation);
        var created = await editor.AddActorAsync(exercise.Id, "Joint Drill Command Alpha", "military_unit", Editor, cancellationToken: Cancellation);
        var gone = await editor.RemoveActorAsync(exercise.Id, removed.Slug, Editor, cancellationToken: Cancellation);

        Assert.True(known.Succeeded, known.Message);
        Assert.Equal(EditStatus.Invalid, unknownWithoutKind.Status);
        Assert.Contains("choose a kind", unknownWithoutKind.Message, StringComparison.Ordinal);
        Assert.True(created.Succeeded, created.Message);
        Assert.True(gone.Succeeded, gone.Message);
        await foreach (var step in ReimportedAsync(db))
        {
            var now = await EventByIdAsync(db, exercise.Id);
            Assert.NotNull(now);
            var slugs = now.Actors.Select(a => a.Actor.Slug).ToList();
            Assert.Contains("japan", slugs);
            Assert.Contains("joint-drill-command-alpha", slugs);
            Assert.DoesNotContain(removed.Slug, slugs);
            Assert.Equal("country", now.Actors.Single(a => a.Actor.Slug == "japan").Actor.Kind);
            Assert.Equal("military_unit", now.Actors.Single(a => a.Actor.Slug == "joint-drill-command-alpha").Actor.Kind);
        }
    }

    [Fact]
    public async Task A_hidden_event_stays_hidden_on_reimport_and_reextract_and_comes_back_when_shown_again()
    {
        await using var db = await ImportedAsync();
        var launch = await EventAsync(db, EventType.MissileTest);
        var editor = EditorOf(db);
        Assert.True((await editor.CorrectTypeAsync(launch.Id, "threat", Editor, cancellationToken: Cancellation)).Succeeded);

        var hidden = await editor.HideAsync(launch.Id, Editor, "Not a launch", Cancellation);

        Assert.True(hidden.Succeeded, hidden.Message);
        Assert.Null(await EventByIdAsync(db, launch.Id));
        await foreach (var step in ReimportedAsync(db))
        {
            var (_, events, _, _) = await db.CountsAsync();
            Assert.Equal(1, events);
            Assert.Null(await EventByIdAsync(db, launch.Id));
        }

        var shown = await editor.UnhideAsync(launch.Id, Editor, "It was a launch after all", Cancellation);

        Assert.True(shown.Succeeded, shown.Message);
        Assert.NotEqual(launch.Id, shown.EventId);
        var back = await EventByIdAsync(db, shown.EventId);
        Assert.NotNull(back);
        // Its other corrections found it again through its quotes, and its old permalink leads to it.
        Assert.Equal(EventType.Threat, back.Type);
        var successor = await new Queries.TimelineQueries(db.Contexts).FindSuccessorAsync(launch.Id, Cancellation);
        Assert.Equal(shown.EventId, successor?.Id);
        var history = await db.Services.GetRequiredService<EditorialQueries>().GetHistoryAsync(shown.EventId, Cancellation);
        Assert.Equal(["hidden", "hidden", "type"], history.Select(h => h.Field));
        Assert.Equal(("hidden", "visible"), (history[0].Before, history[0].After));
    }

    [Fact]
    public async Task Every_change_writes_an_audit_entry_with_who_when_field_before_after_and_note()
    {
        await using var db = await ImportedAsync();
        var launch = await EventAsync(db, EventType.MissileTest);
        var editor = EditorOf(db);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);

        await editor.CorrectDateAsync(launch.Id, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), DatePrecision.Month, Editor, "Only the month is sure", Cancellation);
        await editor.CorrectTypeAsync(launch.Id, "statement", Editor, cancellationToken: Cancellation);
        await editor.CorrectLocationAsync(launch.Id, "East Sea", Editor, cancellationToken: Cancellation);
        await editor.CorrectHeadlineAsync(launch.Id, "The military reports launches", Editor, cancellationToken: Cancellation);
        await editor.AddActorAsync(launch.Id, "Japan", null, Editor, cancellationToken: Cancellation);
        await editor.SetNoteAsync(launch.Id, "Checked against the JCS statement.", Editor, Cancellation);

        var editorial = await db.Services.GetRequiredService<EditorialQueries>().GetEditorialAsync(launch.Id, Cancellation);
        Assert.Equal("Checked against the JCS statement.", editorial.Note);
        Assert.Equal(["note", "actors", "headline", "location", "type", "date"], editorial.History.Select(h => h.Field));
        Assert.All(editorial.History, h => Assert.Equal("ed", h.By));
        Assert.All(editorial.History, h => Assert.InRange(h.At, start, DateTimeOffset.UtcNow));
        var date = editorial.History[^1];
        Assert.Equal(("2025-03-11 (day)", "2025-03-01 – 2025-03-31 (month)", "Only the month is sure"), (date.Before, date.After, date.Note));
        Assert.Equal(("missile_test", "statement"), (editorial.History[^2].Before, editorial.History[^2].After));
        Assert.Contains("Japan", editorial.History[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_stays_recorded_when_the_extractor_agrees_and_bad_input_is_refused_with_a_message()
    {
        await using var db = await ImportedAsync();
        var launch = await EventAsync(db, EventType.MissileTest);
        var editor = EditorOf(db);

        Assert.Equal(EditStatus.Invalid, (await editor.CorrectDateAsync(launch.Id, new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 1), DatePrecision.Day, Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.Invalid, (await editor.CorrectTypeAsync(launch.Id, "parade", Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.Invalid, (await editor.CorrectTypeAsync(launch.Id, "missile_test", Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.Invalid, (await editor.CorrectHeadlineAsync(launch.Id, "  \t ", Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.Invalid, (await editor.CorrectHeadlineAsync(launch.Id, new string('x', 301), Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.NotFound, (await editor.CorrectTypeAsync(999_999, "threat", Editor, cancellationToken: Cancellation)).Status);
        Assert.Equal(EditStatus.Invalid, (await editor.RemoveActorAsync(launch.Id, "nobody", Editor, cancellationToken: Cancellation)).Status);

        // The location the extractor found is corrected to the same text it will find again.
        Assert.True((await editor.CorrectLocationAsync(launch.Id, "the sea", Editor, cancellationToken: Cancellation)).Succeeded);
        await foreach (var step in ReimportedAsync(db))
        {
        }
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal(["location"], await context.EventCorrections.Select(c => c.Field).ToListAsync(Cancellation));
        Assert.Single(await context.AuditEntries.ToListAsync(Cancellation));
    }
}

/// <summary>The tests of <see cref="CorrectionsTest"/> on PostgreSQL.</summary>
public sealed class CorrectionsTestPostgres : CorrectionsTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
