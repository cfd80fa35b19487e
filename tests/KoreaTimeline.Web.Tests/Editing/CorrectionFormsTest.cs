using System.Net;
using System.Net.Http.Json;
using KoreaTimeline.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// An editor's forms end up on the public page: a corrected date, headline and note show there with the history, and
/// <c>/api/events/{id}/history</c> gives the same entries; invalid input comes back with a message and changes nothing;
/// a hidden event answers 404 and can be shown again.
/// </summary>
public sealed class CorrectionFormsTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_corrected_date_shows_on_the_public_page_with_its_history_and_in_the_api()
    {
        var id = app.Sample!.Events[2].Id; // The talks, "late this year".
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);

        var response = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "date", new()
        {
            ["DateForm.Start"] = "2025-10-14", ["DateForm.End"] = "2025-10-14", ["DateForm.Precision"] = "day", ["DateForm.Note"] = "The talks resumed on that day",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/editor/events/{id}?done=date", response.Headers.Location!.PathAndQuery);
        var page = await app.NewClient().GetStringAsync($"/events/{id}", Cancellation);
        Assert.Contains("14 Oct 2025", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"history-entry\" data-field=\"date\"", page, StringComparison.Ordinal);
        Assert.Contains("Ed", page, StringComparison.Ordinal);
        Assert.Contains("The talks resumed on that day", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ed@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"correct-event\"", page, StringComparison.Ordinal);

        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{id}/history", Cancellation);
        var entry = Assert.Single(history!.Changes);
        Assert.Equal(("date", "Ed", "2025-09-01 – 2025-12-31 (approximate)", "2025-10-14 (day)"), (entry.Field, entry.By, entry.Before, entry.After));
        var api = await app.NewClient().GetStringAsync($"/api/events/{id}", Cancellation);
        Assert.Contains("\"date\":\"2025-10-14\"", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_sees_the_correct_link_and_headline_and_note_forms_work()
    {
        var id = app.Sample!.Events[1].Id;
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);

        var headline = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "headline", new() { ["HeadlineForm.Headline"] = "Sample state tests a cruise missile" });
        var note = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "note", new() { ["NoteForm.Text"] = "Date as reported; no official confirmation." });

        Assert.Equal(HttpStatusCode.Redirect, headline.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        var page = await editor.GetStringAsync($"/events/{id}", Cancellation);
        Assert.Contains("Sample state tests a cruise missile", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"editor-note\"", page, StringComparison.Ordinal);
        Assert.Contains("Date as reported; no official confirmation.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"correct-event\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_comes_back_with_a_message_and_changes_nothing()
    {
        var id = app.Sample!.DayEvent.Id;
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);

        var backwards = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "date", new()
        {
            ["DateForm.Start"] = "2025-03-05", ["DateForm.End"] = "2025-03-01", ["DateForm.Precision"] = "day",
        });
        var emptyHeadline = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "headline", new() { ["HeadlineForm.Headline"] = "" });
        var unknownActor = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "add-actor", new() { ["AddActorForm.Name"] = "Nobody Anyone Knows Ltd", ["AddActorForm.Kind"] = "" });

        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.Contains("The last day is before the first.", await backwards.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("Give a headline.", await emptyHeadline.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("choose a kind to create it", await unknownActor.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{id}/history", Cancellation);
        Assert.DoesNotContain(history!.Changes, c => c.Field is "date" or "headline" or "actors");
    }

    [Fact]
    public async Task A_hidden_event_answers_404_publicly_and_its_history_stays_readable()
    {
        var editor = await app.SignedInAsync(EditorsAppFactory.AdminEmail);
        // A fresh event, so the other tests' events stay.
        int id;
        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.TimelineDbContext>>().CreateDbContextAsync(Cancellation))
        {
            var e = new Data.Entities.Event
            {
                Title = "Spurious sample event", Slug = "spurious-sample-event", Type = Extraction.Pipeline.EventType.Other,
                Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 1, 1), Precision = Extraction.Pipeline.DatePrecision.Day, Confidence = 0.1,
            };
            db.Events.Add(e);
            await db.SaveChangesAsync(Cancellation);
            id = e.Id;
        }

        var hide = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{id}", "hide", new() { ["HideForm.Reason"] = "Not an event" });

        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/events/{id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/api/events/{id}", Cancellation)).StatusCode);
        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{id}/history", Cancellation);
        Assert.True(history!.Hidden);
        Assert.Equal(("hidden", "Not an event"), (history.Changes[0].Field, history.Changes[0].Note));
        var editPage = await editor.GetStringAsync($"/editor/events/{id}", Cancellation);
        Assert.Contains("data-testid=\"form-unhide\"", editPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/api/events/987654/history", Cancellation)).StatusCode);
    }
}

/// <summary>The merge form: by permalink, the other event's permalink redirects, and a bad reference is refused with a message.</summary>
public sealed class MergeFormTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merging_by_permalink_redirects_the_other_event_and_bad_references_are_refused()
    {
        var kept = app.Sample!.Events[0];
        var merged = app.Sample.Events[2];
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);

        var bad = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "merge", new() { ["MergeForm.Other"] = "the talks" });
        var self = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "merge", new() { ["MergeForm.Other"] = kept.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var response = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "merge", new() { ["MergeForm.Other"] = $"http://localhost/events/{merged.Id}/{merged.Slug}" });

        Assert.Contains("Give the other event&#x27;s id", await bad.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("cannot be merged into itself", await self.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var old = await app.NewClient().GetAsync($"/events/{merged.Id}/{merged.Slug}", Cancellation);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/events/{kept.Id}/{kept.Slug}", old.Headers.Location!.OriginalString);
        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{kept.Id}/history", Cancellation);
        Assert.Equal("merge", history!.Changes[0].Field);
    }
}
