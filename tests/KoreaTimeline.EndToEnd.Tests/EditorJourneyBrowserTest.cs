using System.Diagnostics;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>
/// The editors' journey in Chromium: an admin creates an editor with the CLI, the editor signs in, fixes an event's
/// date with the form, and an anonymous reader sees the new date with its history on the public page.
/// </summary>
public sealed class EditorJourneyBrowserTest
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_created_with_the_cli_signs_in_fixes_a_date_and_the_public_page_shows_it_with_history()
    {
        var chromium = BrowserHost.RequireChromium();
        await using var app = new TimelineAppFactory();
        var baseAddress = BrowserHost.StartOnSocket(app);
        await app.InitializeAsync();
        var talks = app.Sample!.Events[2]; // "late this year"

        var (exitCode, stdout, stderr) = await RunCliAsync("users", "add", "ed@example.org", "--role", "editor", "--name", "Ed",
            "--generate-password", "--db", $"Data Source={app.DatabasePath}");
        Assert.True(exitCode == 0, stderr);
        var password = Regex.Match(stdout, "Password \\(shown once\\): (?<p>\\S+)").Groups["p"].Value;
        Assert.NotEmpty(password);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright, chromium);
        await using var editorContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await editorContext.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync($"/account/login?ReturnUrl=/events/{talks.Id}/{talks.Slug}");
        await page.GetByLabel("E-mail address").FillAsync("ed@example.org");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/events/{talks.Id}/"));
        await Expect(page.Locator("[data-testid=signed-in]")).ToHaveTextAsync("ed@example.org");

        await page.Locator("[data-testid=correct-event]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/editor/events/{talks.Id}$"));
        var form = page.Locator("[data-testid=form-date]");
        await form.GetByLabel("From").FillAsync("2025-10-14");
        await form.GetByLabel("To (inclusive)").FillAsync("2025-10-14");
        await form.GetByLabel("Precision").SelectOptionAsync("day");
        await form.GetByLabel("Why (optional)").FillAsync("The talks resumed that Tuesday");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save date" }).ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("Date saved.");

        await using var readerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync($"/events/{talks.Id}/{talks.Slug}");
        await reader.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(reader.Locator("article.event-detail")).ToContainTextAsync("14 Oct 2025");
        var entry = reader.Locator("[data-testid=history-entry]");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("Ed");
        await Expect(entry).ToContainTextAsync("date corrected");
        await Expect(entry).ToContainTextAsync("The talks resumed that Tuesday");
        await Expect(reader.Locator("[data-testid=correct-event]")).ToHaveCountAsync(0);
        Assert.Empty(violations);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        // The CLI's own build output, in the configuration this test was built in.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "src", "KoreaTimeline.Cli", "bin", configuration, "net10.0", "koreatimeline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Cancellation);
        var stderr = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        return (process.ExitCode, await stdout, await stderr);
    }
}
