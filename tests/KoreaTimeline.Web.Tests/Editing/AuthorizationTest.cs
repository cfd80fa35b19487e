using System.Net;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>
/// Who may do what: anonymous users and editors are refused the admin's pages and actions, anonymous users the
/// editors' forms; a POST without its antiforgery token is refused; five wrong passwords lock an account; the
/// sign-in cookie is HttpOnly and SameSite=Strict.
/// </summary>
public sealed class AuthorizationTest(EditorsAppFactory app) : IClassFixture<EditorsAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private string EditPath => $"/editor/events/{app.Sample!.DayEvent.Id}";

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_for_the_admin_and_editor_pages()
    {
        var client = app.NewClient();
        foreach (var path in new[] { "/admin/users", EditPath })
        {
            var response = await client.GetAsync(path, Cancellation);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_post_to_the_admin_and_editor_forms_changes_nothing()
    {
        var client = app.NewClient();
        var admin = await client.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-account", ["Input.Email"] = "intruder@example.org", ["Input.Role"] = "admin",
        }), Cancellation);
        var edit = await client.PostAsync(EditPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "headline", ["HeadlineForm.Headline"] = "Defaced",
        }), Cancellation);

        Assert.True(admin.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{admin.StatusCode}");
        Assert.True(edit.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{edit.StatusCode}");
        var adminClient = await app.SignedInAsync(EditorsAppFactory.AdminEmail);
        Assert.DoesNotContain("intruder@example.org", await adminClient.GetStringAsync("/admin/users", Cancellation), StringComparison.Ordinal);
        Assert.DoesNotContain("Defaced", await client.GetStringAsync($"/events/{app.Sample!.DayEvent.Id}", Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_is_refused_the_admin_page_and_its_action_even_with_a_valid_token()
    {
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);

        var page = await editor.GetAsync("/admin/users", Cancellation);
        // A token the editor holds legitimately, from a form it may use, on the admin's action.
        var editPage = await editor.GetStringAsync(EditPath, Cancellation);
        var token = System.Text.RegularExpressions.Regex.Match(EditorsAppFactory.FormOf(editPage, "note"), "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        var post = await editor.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-account", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["Input.Email"] = "promoted@example.org", ["Input.Role"] = "admin",
        }), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);
        Assert.DoesNotContain("promoted@example.org", await admin.GetStringAsync("/admin/users", Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_creates_an_editor_whose_password_is_shown_once_and_works()
    {
        var admin = await app.SignedInAsync(EditorsAppFactory.AdminEmail);

        var response = await EditorsAppFactory.PostFormAsync(admin, "/admin/users", "add-account",
            new() { ["Input.Email"] = "new.editor@example.org", ["Input.Role"] = "editor", ["Input.DisplayName"] = "New" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        var password = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"created-password\">(?<p>[^<]+)<").Groups["p"].Value;
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, await admin.GetStringAsync("/admin/users", Cancellation), StringComparison.Ordinal);
        var client = app.NewClient();
        var login = await EditorsAppFactory.PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = "new.editor@example.org", ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(EditPath, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused()
    {
        var anonymous = app.NewClient();
        var login = await EditorsAppFactory.PostFormAsync(anonymous, "/account/login", "login",
            new() { ["Input.Email"] = EditorsAppFactory.EditorEmail, ["Input.Password"] = EditorsAppFactory.Password }, withToken: false);
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var edit = await EditorsAppFactory.PostFormAsync(editor, EditPath, "headline", new() { ["HeadlineForm.Headline"] = "Forged headline" }, withToken: false);
        var logout = await editor.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie") && login.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("kt.auth", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.DoesNotContain("Forged headline", await editor.GetStringAsync($"/events/{app.Sample!.DayEvent.Id}", Cancellation), StringComparison.Ordinal);
        // Still signed in: the forged sign-out did nothing.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(EditPath, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_its_token_ends_the_session()
    {
        var editor = await app.SignedInAsync(EditorsAppFactory.EditorEmail);
        var page = await editor.GetStringAsync(EditPath, Cancellation);
        var token = System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\" action=\"/account/logout\"[^>]*>\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        Assert.NotEmpty(token);

        var logout = await editor.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
        }), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await editor.GetAsync(EditPath, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = app.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await EditorsAppFactory.PostFormAsync(client, "/account/login", "login",
                new() { ["Input.Email"] = EditorsAppFactory.LockedEmail, ["Input.Password"] = "not the password" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await EditorsAppFactory.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = EditorsAppFactory.LockedEmail, ["Input.Password"] = EditorsAppFactory.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict_and_pages_keep_their_security_headers()
    {
        var client = app.NewClient();
        var response = await EditorsAppFactory.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = EditorsAppFactory.EditorEmail, ["Input.Password"] = EditorsAppFactory.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kt.auth=", StringComparison.Ordinal));
        var loginPage = await app.NewClient().GetAsync("/account/login", Cancellation);

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("form-action 'self'", loginPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", loginPage.Headers.GetValues("X-Frame-Options").Single());
        // No registration page: accounts come from an admin.
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/account/register", Cancellation)).StatusCode);
    }
}
