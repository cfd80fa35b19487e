using System.Diagnostics;
using System.Text.Json;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KoreaTimeline.Cli.Tests;

/// <summary>
/// <c>export-gold DIR</c> writes editors' corrections as evaluation gold in the dev corpus's layout: the files the scorer
/// reads, in the format <c>validate.py</c> checks, with the corrected values; scoring a fresh extraction of the exported
/// articles against it finds every event and counts exactly the corrected date and type as the extractor's errors.
/// </summary>
public sealed class ExportGoldCommandTest : IDisposable
{
    // Invented reporting, written for this test.
    private const string Launch = """
        North Korea fired a ballistic missile toward the sea on Tuesday, the South Korean military said. The launch was the third this month.

        On Monday, South Korea and the United States began a joint military exercise near the border.
        """;

    private const string Talks = "On Friday, officials of South Korea and Japan held talks in Tokyo on the missile launches, the foreign ministry said.";

    private static readonly string[] Precisions = ["day", "week", "month", "quarter", "season", "year", "decade", "century", "range", "approximate"];

    private readonly TemporaryFolder temporary = new("koreatimeline-cli-gold");

    private string Folder => temporary.Path;

    private string Connection => temporary.Connection;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public async Task The_exported_gold_has_the_scorers_layout_and_format_and_carries_the_corrections()
    {
        var exerciseId = await ImportAndCorrectAsync();
        var output = Path.Combine(Folder, "gold-out");

        var all = await CliProcess.RunAsync("export-gold", output, "--db", Connection);
        var onlyCorrected = await CliProcess.RunAsync("export-gold", Path.Combine(Folder, "corrected-out"), "--corrected-only", "--db", Connection);

        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.StartsWith("Gold: 2 articles, ", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("(1 corrected)", all.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Gold: 1 articles, 2 events (1 corrected)", onlyCorrected.Stdout, StringComparison.Ordinal);
        Assert.Equal(["launch.meta.json", "launch.txt", "talks.meta.json", "talks.txt"], Names(Path.Combine(output, "articles")));
        Assert.Equal(["launch.expect.json", "launch.gold.json", "talks.expect.json", "talks.gold.json"], Names(Path.Combine(output, "gold")));
        foreach (var name in new[] { "launch", "talks" })
        {
            AssertValidGold(name, await File.ReadAllTextAsync(Path.Combine(output, "articles", name + ".txt"), Cancellation),
                await File.ReadAllTextAsync(Path.Combine(output, "gold", name + ".gold.json"), Cancellation));
            using var expect = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "gold", name + ".expect.json"), Cancellation));
            Assert.Equal("2025-03-12", expect.RootElement.GetProperty("published").GetString());
        }
        using var launch = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "gold", "launch.gold.json"), Cancellation));
        var exercise = launch.RootElement.EnumerateArray().Single(e => e.GetProperty("quote").GetString()!.Contains("joint military exercise", StringComparison.Ordinal));
        Assert.Equal(("2025-03-09", "2025-03-10", "range", "cooperation"),
            (exercise.GetProperty("start").GetString(), exercise.GetProperty("end").GetString(), exercise.GetProperty("precision").GetString(), exercise.GetProperty("type").GetString()));
        Assert.Contains($"event {exerciseId} ", exercise.GetProperty("note").GetString(), StringComparison.Ordinal);
        var missile = launch.RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "missile_test");
        Assert.Equal(["The launch was the third this month"], missile.GetProperty("alt_quotes").EnumerateArray().Select(q => q.GetString()));

        // The round trip: the scorer, on the exported files, against a fresh extraction of the exported articles.
        var scorer = Path.GetFullPath(Path.Combine(CliProcess.RepositoryRoot, "..", "shared", "eval", "score_events.py"));
        if (!File.Exists(scorer) || FindOnPath("python3") is not { } python)
        {
            Assert.Skip($"The scorer ({scorer}) or python3 is not on this machine; the format checks above passed.");
            return;
        }
        var predictions = Path.Combine(Folder, "pred");
        var extracted = await CliProcess.RunAsync("extract", Path.Combine(output, "articles"), "--out", predictions);
        Assert.True(extracted.ExitCode == 0, extracted.Stderr);
        var score = JsonDocument.Parse(await RunAsync(python, scorer, Path.Combine(output, "articles"), Path.Combine(output, "gold"), predictions)).RootElement;
        var gold = score.GetProperty("gold").GetInt32();
        Assert.Equal(100.0, score.GetProperty("event_F1").GetDouble());
        // The extractor still says what it said before the editor's correction: that one event's date and type differ.
        Assert.Equal(Math.Round(100.0 * (gold - 1) / gold, 1), score.GetProperty("date_exact").GetDouble());
        Assert.Equal(Math.Round(100.0 * (gold - 1) / gold, 1), score.GetProperty("type_ok").GetDouble());
        Assert.Equal("2/2", score.GetProperty("published_ok").GetString());
    }

    [Fact]
    public async Task A_file_in_place_of_the_folder_is_refused_with_a_message()
    {
        var file = Path.Combine(Folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x", Cancellation);

        var result = await CliProcess.RunAsync("export-gold", file, "--db", Connection);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a file; give a folder", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Imports the two articles and corrects the exercise's date and type; returns its id.</summary>
    private async Task<int> ImportAndCorrectAsync()
    {
        var articles = Directory.CreateDirectory(Path.Combine(Folder, "in")).FullName;
        foreach (var (name, text) in new[] { ("launch", Launch), ("talks", Talks) })
        {
            await File.WriteAllTextAsync(Path.Combine(articles, name + ".txt"), text, Cancellation);
            await File.WriteAllTextAsync(Path.Combine(articles, name + ".meta.json"), """{"published": "2025-03-12"}""", Cancellation);
        }
        await using var services = new ServiceCollection().AddLogging().AddTimelineData(Connection)
            .AddSingleton(new ArticleImportOptions(ArticleFileReader.DefaultMaxBytes)).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await TimelineDatabase.InitializeAsync(contexts, NullLogger.Instance, Cancellation);
        await services.GetRequiredService<ArticleImporter>().ImportFolderAsync(articles, Cancellation);
        int id;
        await using (var db = await contexts.CreateDbContextAsync(Cancellation))
        {
            id = await db.Events.Where(e => e.Type == EventType.Exercise).Select(e => e.Id).SingleAsync(Cancellation);
        }
        var editor = services.GetRequiredService<EventEditor>();
        var who = new EditorIdentity("user-1", "ed");
        Assert.True((await editor.CorrectDateAsync(id, new DateOnly(2025, 3, 9), new DateOnly(2025, 3, 10), DatePrecision.Range, who, cancellationToken: Cancellation)).Succeeded);
        Assert.True((await editor.CorrectTypeAsync(id, "cooperation", who, cancellationToken: Cancellation)).Succeeded);
        return id;
    }

    /// <summary>The checks of the eval's <c>validate.py</c>, on one article's gold.</summary>
    private static void AssertValidGold(string name, string text, string json)
    {
        using var gold = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, gold.RootElement.ValueKind);
        Assert.NotEmpty(gold.RootElement.EnumerateArray());
        foreach (var e in gold.RootElement.EnumerateArray())
        {
            foreach (var quote in e.GetProperty("alt_quotes").EnumerateArray().Select(q => q.GetString()!).Prepend(e.GetProperty("quote").GetString()!))
            {
                Assert.True(text.Contains(quote, StringComparison.Ordinal), $"{name}: quote not in the article: {quote}");
            }
            if (e.GetProperty("date_text").GetString() is { } dateText)
            {
                Assert.Contains(dateText, text, StringComparison.Ordinal);
            }
            Assert.True(DateOnly.Parse(e.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                <= DateOnly.Parse(e.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(e.GetProperty("type").GetString(), EventTypes.All.Select(t => t.Id));
            Assert.Contains(e.GetProperty("precision").GetString(), Precisions);
            Assert.True(e.GetProperty("optional").ValueKind is JsonValueKind.False or JsonValueKind.True);
            Assert.All(e.GetProperty("actors").EnumerateArray(), a => Assert.Equal(JsonValueKind.String, a.ValueKind));
        }
    }

    private static string[] Names(string directory) => Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Cancellation);
        var stderr = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        Assert.True(process.ExitCode == 0, await stderr);
        return await stdout;
    }
}
