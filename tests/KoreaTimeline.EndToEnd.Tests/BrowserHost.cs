using System.Text.RegularExpressions;
using System.Net;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KoreaTimeline.EndToEnd.Tests;

/// <summary>Finds Chromium, serves the app on a real loopback socket and launches the browser.</summary>
internal static class BrowserHost
{
    /// <summary>Set to a Chromium binary to use instead of <c>/usr/bin/chromium</c>.</summary>
    public const string ChromiumVariable = "KOREATIMELINE_CHROMIUM";

    /// <summary>Set to <c>1</c> to fail, not skip, when no browser is found (CI).</summary>
    public const string RequireVariable = "KOREATIMELINE_REQUIRE_BROWSER";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        // Keeps Chromium from looking up Google hosts on a closed network.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ];

    /// <summary>The Chromium to drive; skips the test (or fails it, when required) if there is none.</summary>
    public static string RequireChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        string[] candidates = string.IsNullOrWhiteSpace(configured) ? ["/usr/bin/chromium"] : [configured, "/usr/bin/chromium"];
        if (candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        var message = $"No Chromium found (looked at {string.Join(", ", candidates)}). Install one with " +
            $"`sudo apt-get install chromium` or point {ChromiumVariable} at a Chromium binary. Never `playwright install`.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return null!;
    }

    /// <summary>Starts the app on 127.0.0.1 with a free port and returns its base address.</summary>
    public static Uri StartOnSocket(TimelineAppFactory app)
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First());
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium)
    {
        // CI runs every test project at once on two cores: a page can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    // The filter panel can re-render right after the circuit starts; a click that lands on the chip it replaces is
    // lost. Click again only while the chip is still unpressed and the URL unchanged, so a slow click is never undone.
    public static async Task ClickUntilUrlAsync(IPage page, ILocator target, Regex url)
    {
        for (var attempt = 1; ; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url, new() { Timeout = attempt < 3 ? 5_000 : 30_000, WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (await target.GetAttributeAsync("aria-pressed") == "true" || url.IsMatch(page.Url))
                {
                    await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
                    return;
                }
            }
        }
    }
}
