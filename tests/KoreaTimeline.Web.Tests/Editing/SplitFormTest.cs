using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Api;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// The split form: an event holding two quotes (after a merge) gives one of them to a new event with its own
/// permalink and history; no quote chosen is refused with a message; the form needs its antiforgery token.
/// </summary>
public sealed partial class SplitFormTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Splitting_a_quote_off_gives_a_new_event_with_its_permalink_and_history()
    {
        var kept = app.Sample!.Events[0];
        var other = app.Sample.Events[2];
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var merge = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "merge", new() { ["MergeForm.Other"] = $"{other.Id}" });
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        var form = EditorsAppFactory.FormOf(await editor.GetStringAsync($"/editor/events/{kept.Id}", Cancellation), "split");
        var key = TalksQuote().Match(form).Groups["key"].Value;
        Assert.NotEmpty(key);

        var none = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "split", new() { ["SplitForm.Headline"] = "Sample talks" });
        var noToken = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "split", new() { ["quote"] = key }, withToken: false);
        var response = await EditorsAppFactory.PostFormAsync(editor, $"/editor/events/{kept.Id}", "split", new()
        {
            ["quote"] = key, ["SplitForm.Headline"] = "Sample talks expected to resume", ["SplitForm.Note"] = "Another event",
        });

        Assert.Contains("Choose the quotes", await none.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Matches(@"^/editor/events/\d+\?done=split$", location);
        var id = int.Parse(location["/editor/events/".Length..location.IndexOf('?', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(kept.Id, id);
        var page = await app.NewClient().GetStringAsync($"/events/{id}/sample-talks-expected-to-resume", Cancellation);
        Assert.Contains("sample talks were expected to resume", page, StringComparison.Ordinal);
        Assert.Contains("data-field=\"split\"", page, StringComparison.Ordinal);
        var keptPage = await app.NewClient().GetStringAsync($"/events/{kept.Id}", Cancellation);
        Assert.DoesNotContain("sample talks were expected to resume", keptPage, StringComparison.Ordinal);
        var history = await app.NewClient().GetFromJsonAsync<EventHistoryModel>($"/api/events/{kept.Id}/history", Cancellation);
        Assert.Equal(("split", "Another event"), (history!.Changes[0].Field, history.Changes[0].Note));
    }

    [GeneratedRegex("""name="quote" value="(?<key>[0-9:]+)"[^>]*>\s*“arrived in port""")]
    private static partial Regex TalksQuote();
}
