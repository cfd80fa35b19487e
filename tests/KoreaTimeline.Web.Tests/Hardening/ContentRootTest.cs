using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using KoreaTimeline.Web.Tests.Infrastructure;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// The built app started as <c>dotnet KoreaTimeline.Web.dll</c> from another working directory: its content root is its
/// own folder, so it reads its appsettings.json (the JSON log format and allowed hosts come from there) and serves files.
/// </summary>
public sealed partial class ContentRootTest
{
    [Fact]
    public async Task Started_from_another_folder_the_app_uses_its_own_folder_and_settings()
    {
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        // The web project's own build output, in this test run's configuration (bin/Debug or bin/Release).
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var relative = Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "tests", "KoreaTimeline.Web.Tests"), testBin);
        var appFolder = Path.Combine(RepositoryPaths.Root, "src", "KoreaTimeline.Web", relative);
        var dll = Path.Combine(appFolder, "KoreaTimeline.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");

        var elsewhere = Directory.CreateTempSubdirectory("koreatimeline-cwd-").FullName;
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment.Remove("ASPNETCORE_CONTENTROOT");
        info.Environment.Remove("DOTNET_CONTENTROOT");
        info.Environment["ConnectionStrings__Timeline"] = $"Data Source={Path.Combine(elsewhere, "t.db")}";
        info.Environment["Timeline__SeedsPath"] = Path.Combine(elsewhere, "seeds");
        info.Environment["Timeline__WatchSeeds"] = "false";
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        string? address = null;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("the app ended:\n" + output));
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (Listening().Match(e.Data) is { Success: true } m)
            {
                address = m.Groups[1].Value;
            }
            else if (address is not null && e.Data.Contains("\"ContentRoot\"", StringComparison.Ordinal))
            {
                // The host logs its content root right after the addresses it listens on.
                listening.TrySetResult(address);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var started = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90), cancellation));
            Assert.True(started == listening.Task, "no 'Now listening' line in the JSON log (appsettings.json not read?):\n" + output);
            var baseAddress = await listening.Task;

            lock (output)
            {
                Assert.Contains($"\"ContentRoot\":\"{appFolder}{Path.DirectorySeparatorChar}\"", output.ToString(), StringComparison.Ordinal);
            }
            using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
            var css = await client.GetStringAsync(new Uri("/app.css", UriKind.Relative), cancellation);
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "KoreaTimeline.Web", "wwwroot", "app.css"), cancellation), css);
            using var page = await client.GetAsync(new Uri("/", UriKind.Relative), cancellation);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            try
            {
                Directory.Delete(elsewhere, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [GeneratedRegex("\"address\":\"(http://[0-9.:]+)\"")]
    private static partial Regex Listening();
}
