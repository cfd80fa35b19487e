using System.Net;
using System.Net.Http.Json;
using KoreaTimeline.Web.Api;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// "Suggest a correction": anyone sends one from the event page's link (with the form's token; without it, 400; bad
/// input comes back with a message), editors see it in the review queue (anonymous users and posts are refused) and
/// accept it (to the event's correction forms, which show it) or dismiss it with a reason; both reviews are in the history.
/// </summary>
public sealed class SuggestionsTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SuggestAsync(HttpClient client, int id, string text, string? source = null, bool withToken = true) =>
        EditorsAppFactory.PostFormAsync(client, $"/suggest/{id}", "suggest", new() { ["Input.Text"] = text, ["Input.SourceUrl"] = source ?? "" }, withToken);

    [Fact]
    public async Task A_reader_suggests_and_an_editor_accepts_one_and_dismisses_another_with_a_reason()
    {
        var e = app.Sample!.Events[1];
        var reader = app.NewClient();
        Assert.Contains($"href=\"/suggest/{e.Id}\"", await reader.GetStringAsync($"/events/{e.Id}", Cancellation), StringComparison.Ordinal);

        var noToken = await SuggestAsync(reader, e.Id, "The test was in March, not February.", withToken: false);
        var badUrl = await SuggestAsync(reader, e.Id, "The test was in March, not February.", "ftp://example.org/x");
        var first = await SuggestAsync(reader, e.Id, "The test was in March, not February.", "https://example.org/report");
        var second = await SuggestAsync(reader, e.Id, "<script>alert('spam')</script> visit my shop");

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("Source: give an http:// or https:// address", await badUrl.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/suggest/{e.Id}?sent=true", first.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var anonymousQueue = await reader.GetAsync("/editor/suggestions", Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, anonymousQueue.StatusCode);
        Assert.StartsWith("/account/login", anonymousQueue.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var anonymousPost = await reader.PostAsync("/editor/suggestions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "review", ["Review.Command"] = "dismiss:1",
        }), Cancellation);
        Assert.True(anonymousPost.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{anonymousPost.StatusCode}");

        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var queue = await editor.GetStringAsync("/editor/suggestions", Cancellation);
        Assert.Contains("The test was in March, not February.", queue, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", queue, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(queue, "data-testid=\"suggestion\" data-id=\"(?<id>\\d+)\"").Select(m => m.Groups["id"].Value).ToList();
        Assert.Equal(2, ids.Count);

        var review = (string command, string? reason, bool token) => EditorsAppFactory.PostFormAsync(editor, "/editor/suggestions", "review",
            new() { ["Review.Command"] = command, [$"reason-{command.Split(':')[1]}"] = reason ?? "" }, token);
        var forged = await review($"dismiss:{ids[1]}", "Spam", false);
        var withoutReason = await review($"dismiss:{ids[1]}", null, true);
        var dismissed = await review($"dismiss:{ids[1]}", "Spam, not about the event", true);
        var accepted = await review($"accept:{ids[0]}", null, true);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Reason: say why", await withoutReason.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal("/editor/suggestions?done=dismissed", dismissed.Headers.Location!.PathAndQuery);
        Assert.Equal($"/editor/events/{e.Id}?suggestion={ids[0]}", accepted.Headers.Location!.PathAndQuery);
        var editPage = await editor.GetStringAsync(accepted.Headers.Location.PathAndQuery, Cancellation);
        Assert.Contains("data-testid=\"accepted-suggestion\"", editPage, StringComparison.Ordinal);
        Assert.Contains("https://example.org/report", editPage, StringComparison.Ordinal);
        Assert.Contains("No suggestion waits for review", await editor.GetStringAsync("/editor/suggestions", Cancellation), StringComparison.Ordinal);

        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{e.Id}/history", Cancellation);
        Assert.Equal([("accepted", null), ("dismissed", "Spam, not about the event")],
            history!.Changes.Where(c => c.Field == "suggestion").Select(c => (c.After, c.Note)).ToList());
        Assert.DoesNotContain(history.Changes, c => (c.Before ?? "").Contains("shop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_event_has_no_suggestion_form()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/suggest/987654", Cancellation)).StatusCode);
    }
}

/// <summary>The suggestion form's POST is rate limited per client address (5 an hour); reading the form is not.</summary>
public sealed class SuggestionRateLimitTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    [Fact]
    public async Task The_sixth_suggestion_within_an_hour_is_refused_with_429_and_retry_after()
    {
        var id = app.Sample!.DayEvent.Id;
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var sent = await EditorsAppFactory.PostFormAsync(client, $"/suggest/{id}", "suggest", new() { ["Input.Text"] = $"Suggestion number {i} about the date." });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var refused = await EditorsAppFactory.PostFormAsync(client, $"/suggest/{id}", "suggest", new() { ["Input.Text"] = "One suggestion too many today." });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/suggest/{id}", Cancellation())).StatusCode);
    }

    private static CancellationToken Cancellation() => Xunit.TestContext.Current.CancellationToken;
}
