using System.Net;
using KoreaTimeline.Data.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// Locking and removing accounts on the admin page: a locked or removed account cannot sign in and its open session
/// stops being accepted at its next request; unlocking restores it (also after five wrong passwords); an admin cannot
/// lock or remove their own account; editors and anonymous users are refused the action, and it needs its token.
/// </summary>
public sealed class AccountAdminTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private string EditPath => $"/editor/events/{app.Sample!.DayEvent.Id}";

    private async Task AddEditorAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, TimelineRoles.Editor, EditorsAppFactory.Password)).Succeeded);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient admin, string command, bool withToken = true) =>
        EditorsAppFactory.PostFormAsync(admin, "/admin/users", "account-action", new() { ["Action.Command"] = command }, withToken);

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        await EditorsAppFactory.PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = EditorsAppFactory.Password });

    [Fact]
    public async Task A_locked_account_loses_its_open_session_and_cannot_sign_in_until_unlocked()
    {
        await AddEditorAsync("locked.editor@example.org");
        var session = await app.SignedInAsync("locked.editor@example.org");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(EditPath, Cancellation)).StatusCode);
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);

        var locked = await ActAsync(admin, "lock:locked.editor@example.org");

        Assert.Contains("Locked locked.editor@example.org.", await locked.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("locked by an admin", await admin.GetStringAsync("/admin/users", Cancellation), StringComparison.Ordinal);
        var stale = await session.GetAsync(EditPath, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/login", stale.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var refused = await SignInAsync(app.NewClient(), "locked.editor@example.org");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account is locked", await refused.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        await ActAsync(admin, "unlock:locked.editor@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.NewClient(), "locked.editor@example.org")).StatusCode);
    }

    [Fact]
    public async Task A_removed_account_loses_its_open_session_and_cannot_sign_in()
    {
        await AddEditorAsync("gone.editor@example.org");
        var session = await app.SignedInAsync("gone.editor@example.org");
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);

        var removed = await ActAsync(admin, "remove:gone.editor@example.org");

        Assert.Contains("Removed gone.editor@example.org.", await removed.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("gone.editor@example.org", await admin.GetStringAsync("/admin/users", Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync(EditPath, Cancellation)).StatusCode);
        Assert.Contains("Wrong e-mail address or password", await (await SignInAsync(app.NewClient(), "gone.editor@example.org")).Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_lock_or_remove_their_own_account_and_unknown_actions_are_refused()
    {
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);

        var lockSelf = await ActAsync(admin, $"lock:{EditorsAppFactory.AdminEmail}");
        var removeSelf = await ActAsync(admin, $"remove:{EditorsAppFactory.AdminEmail}");
        var unknown = await ActAsync(admin, "promote:ed@example.org");
        var nobody = await ActAsync(admin, "lock:nobody@example.org");

        Assert.Contains("cannot lock your own account", await lockSelf.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("cannot remove your own account", await removeSelf.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("Unknown action", await unknown.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Contains("There is no account for nobody@example.org", await nobody.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_account_for_a_while_which_an_admin_can_unlock()
    {
        await AddEditorAsync("typo.editor@example.org");
        var client = app.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await EditorsAppFactory.PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = "typo.editor@example.org", ["Input.Password"] = "wrong password here" });
        }
        Assert.Contains("This account is locked", await (await SignInAsync(client, "typo.editor@example.org")).Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);
        Assert.Matches(@"locked until \d{4}-\d\d-\d\d \d\d:\d\d UTC", await admin.GetStringAsync("/admin/users", Cancellation));

        await ActAsync(admin, "unlock:typo.editor@example.org");

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.NewClient(), "typo.editor@example.org")).StatusCode);
    }

    [Fact]
    public async Task Editors_anonymous_users_and_posts_without_a_token_cannot_lock_or_remove()
    {
        await AddEditorAsync("target.editor@example.org");
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var editPage = await editor.GetStringAsync(EditPath, Cancellation);
        var token = System.Text.RegularExpressions.Regex.Match(EditorsAppFactory.FormOf(editPage, "note"), "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        var byEditor = await editor.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-action", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Action.Command"] = "remove:target.editor@example.org",
        }), Cancellation);
        var byAnonymous = await app.NewClient().PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-action", ["Action.Command"] = "lock:target.editor@example.org",
        }), Cancellation);
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);
        var withoutToken = await ActAsync(admin, "lock:target.editor@example.org", withToken: false);

        Assert.Equal(HttpStatusCode.Redirect, byEditor.StatusCode);
        Assert.StartsWith("/account/denied", byEditor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.True(byAnonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{byAnonymous.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.NewClient(), "target.editor@example.org")).StatusCode);
    }
}
