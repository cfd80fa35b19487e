using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KoreaTimeline.Data.Tests.Editing;

/// <summary>Readers' suggestions: validated with the field named, stored open, accepted or dismissed once, each review audited.</summary>
public sealed class SuggestionBoxTest
{
    private static readonly EditorIdentity Editor = new("user-1", "ed");

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static async Task<(TemporaryDatabase Db, SuggestionBox Box, int EventId)> SetUpAsync()
    {
        var db = await TemporaryDatabase.CreateAsync();
        db.WriteArticle("launch.txt", "North Korea fired a ballistic missile toward the sea on Tuesday.", """{"published": "2025-03-12"}""");
        await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var id = await context.Events.Select(e => e.Id).SingleAsync(Cancellation);
        return (db, new SuggestionBox(db.Contexts, NullLogger<SuggestionBox>.Instance), id);
    }

    [Fact]
    public async Task Bad_suggestions_are_refused_naming_the_field_and_good_ones_wait_open()
    {
        var (db, box, id) = await SetUpAsync();
        await using var _ = db;

        var empty = await box.SubmitAsync(id, "  ", null, Cancellation);
        var tooLong = await box.SubmitAsync(id, new string('a', SuggestionBox.MaxText + 1), null, Cancellation);
        var badUrl = await box.SubmitAsync(id, "The launch was on Wednesday.", "javascript:alert(1)", Cancellation);
        var noEvent = await box.SubmitAsync(999_999, "The launch was on Wednesday.", null, Cancellation);
        var good = await box.SubmitAsync(id, "The launch was on Wednesday.\r\nSee the ministry's statement.", "https://example.org/statement", Cancellation);

        Assert.Equal(("text", EditStatus.Invalid), (empty.Field, empty.Status));
        Assert.Equal("text", tooLong.Field);
        Assert.Equal("sourceUrl", badUrl.Field);
        Assert.Equal(EditStatus.NotFound, noEvent.Status);
        Assert.True(good.Succeeded);
        var open = Assert.Single(await box.ListOpenAsync(cancellationToken: Cancellation));
        Assert.Equal((good.Id, id, "The launch was on Wednesday.\nSee the ministry's statement.", "https://example.org/statement"), (open.Id, open.EventId, open.Text, open.SourceUrl));
    }

    [Fact]
    public async Task Accepting_and_dismissing_are_audited_once_and_a_dismissal_needs_a_reason()
    {
        var (db, box, id) = await SetUpAsync();
        await using var _ = db;
        var first = await box.SubmitAsync(id, "The missile was a cruise missile.", null, Cancellation);
        var second = await box.SubmitAsync(id, "Buy cheap watches at this address.", null, Cancellation);

        var accepted = await box.AcceptAsync(first.Id, Editor, Cancellation);
        var again = await box.AcceptAsync(first.Id, Editor, Cancellation);
        var noReason = await box.DismissAsync(second.Id, Editor, " ", Cancellation);
        var dismissed = await box.DismissAsync(second.Id, Editor, "Spam", Cancellation);

        Assert.Equal((EditStatus.Done, id), (accepted.Status, accepted.EventId));
        Assert.Contains("already accepted", again.Message, StringComparison.Ordinal);
        Assert.Contains("Reason", noReason.Message, StringComparison.Ordinal);
        Assert.True(dismissed.Succeeded);
        Assert.Empty(await box.ListOpenAsync(cancellationToken: Cancellation));
        var history = await db.Services.GetRequiredService<EditorialQueries>().GetHistoryAsync(id, Cancellation);
        Assert.Equal(
            [("suggestion", $"suggestion {second.Id}", "dismissed", "Spam"), ("suggestion", $"suggestion {first.Id}", "accepted", null)],
            history.Select(h => (h.Field, h.Before, h.After, h.Note)).ToList());
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var stored = await context.CorrectionSuggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(Cancellation);
        Assert.Equal([SuggestionStatus.Accepted, SuggestionStatus.Dismissed], stored.Select(s => s.Status));
        Assert.All(stored, s => Assert.Equal("user-1", s.ReviewedBy));
    }
}
