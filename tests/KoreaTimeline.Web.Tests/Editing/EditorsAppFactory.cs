using System.Net;
using System.Text.RegularExpressions;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Editing;

/// <summary>The sample timeline with an admin and an editor account, and helpers that post the app's forms as a browser does.</summary>
public sealed partial class EditorsAppFactory : TimelineAppFactory
{
    public const string AdminEmail = "chief@example.org";
    public const string EditorEmail = "ed@example.org";
    public const string LockedEmail = "lock@example.org";
    public const string Password = "a long sample password";

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        Assert.True((await accounts.AddAsync(AdminEmail, TimelineRoles.Admin, Password, "Chief")).Succeeded);
        Assert.True((await accounts.AddAsync(EditorEmail, TimelineRoles.Editor, Password, "Ed")).Succeeded);
        Assert.True((await accounts.AddAsync(LockedEmail, TimelineRoles.Editor, Password)).Succeeded);
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var response = await PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Reads the page at <paramref name="path"/>, takes the hidden fields of the form named <paramref name="formName"/>
    /// (its handler and antiforgery token), adds <paramref name="fields"/> and posts it to the same URL.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields, bool withToken = true)
    {
        var page = await client.GetStringAsync(path, Xunit.TestContext.Current.CancellationToken);
        var form = FormOf(page, formName);
        var values = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(form))
        {
            values[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }
        if (!withToken)
        {
            values.Remove("__RequestVerificationToken");
        }
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(values), Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>The HTML of the form whose handler is <paramref name="formName"/>.</summary>
    public static string FormOf(string page, string formName)
    {
        foreach (Match form in FormElement().Matches(page))
        {
            if (form.Value.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                return form.Value;
            }
        }
        throw new InvalidOperationException($"No form {formName} in the page:\n{page}");
    }

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
