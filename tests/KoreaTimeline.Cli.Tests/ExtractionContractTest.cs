using System.Text.Json;

namespace KoreaTimeline.Cli.Tests;

/// <summary>The shapes <c>extract</c> and <c>dates</c> print, as the extraction contract fixes them.</summary>
public sealed class ExtractionContractTest
{
    private const string Seed = "seeds/000_3ae65080696c7bb3.txt";

    private static readonly string[] Precisions = ["day", "week", "month", "quarter", "season", "year", "decade", "century", "range", "approximate"];
    private static readonly string[] Kinds = ["country", "person", "organization", "military_unit", "vessel", "other"];

    [Fact]
    public async Task Extract_prints_the_contract_object_for_the_seed()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("extract", Seed);

        Assert.True(exit == 0, stderr);
        var text = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, Seed));
        using var json = JsonDocument.Parse(stdout);
        var article = json.RootElement.GetProperty("article");
        Assert.Equal("2025-03-02", article.GetProperty("published").GetString());
        Assert.Equal("inferred", article.GetProperty("publishedSource").GetString());
        Assert.InRange(article.GetProperty("publishedConfidence").GetDouble(), 0, 1);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("title").GetString()));
            Assert.True(Extraction.Pipeline.EventTypes.TryParse(e.GetProperty("type").GetString(), out _));
            var start = DateOnly.ParseExact(e.GetProperty("start").GetString()!, "yyyy-MM-dd");
            var end = DateOnly.ParseExact(e.GetProperty("end").GetString()!, "yyyy-MM-dd");
            Assert.True(start <= end);
            Assert.Contains(e.GetProperty("precision").GetString(), Precisions);
            Assert.True(e.TryGetProperty("timex", out _) && e.TryGetProperty("dateText", out _) && e.TryGetProperty("location", out _));
            Assert.All(e.GetProperty("actors").EnumerateArray(), a => Assert.Contains(a.GetProperty("kind").GetString(), Kinds));
            var evidence = e.GetProperty("evidence").EnumerateArray().ToList();
            Assert.NotEmpty(evidence);
            Assert.All(evidence, v =>
                Assert.Equal(text[v.GetProperty("start").GetInt32()..v.GetProperty("end").GetInt32()], v.GetProperty("text").GetString()));
            Assert.InRange(e.GetProperty("confidence").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task Extract_takes_the_published_date_from_the_command_line()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync("extract", Seed, "--published", "2025-03-03");

        Assert.Equal(0, exit);
        var article = JsonDocument.Parse(stdout).RootElement.GetProperty("article");
        Assert.Equal(("2025-03-03", "given"), (article.GetProperty("published").GetString(), article.GetProperty("publishedSource").GetString()));
    }

    [Fact]
    public async Task Extract_names_a_missing_file_and_a_bad_date()
    {
        var missing = await CliProcess.RunAsync("extract", "seeds/no-such-article.txt");
        var badDate = await CliProcess.RunAsync("extract", Seed, "--published", "March 3");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no-such-article.txt", missing.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("YYYY-MM-DD", badDate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_batch_mode_answers_each_line_with_its_doc()
    {
        var input = Path.Combine(Path.GetTempPath(), $"koreatimeline-dates-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"doc": "a", "dct": "2025-03-02", "text": "Last Friday, North Korea fired a missile."}""",
            """{"doc": "b", "dct": "2019-06-30", "text": "The leaders met in February 2019."}""",
        ], Xunit.TestContext.Current.CancellationToken);
        try
        {
            var (exit, stdout, stderr) = await CliProcess.RunAsync("dates", "--jsonl", input);

            Assert.True(exit == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["a", "b"], lines.Select(l => l.GetProperty("doc").GetString()));
            var friday = Assert.Single(lines[0].GetProperty("pred").EnumerateArray());
            Assert.Equal(("Last Friday", "DATE", "2025-02-28", "day"),
                (friday.GetProperty("text").GetString(), friday.GetProperty("type").GetString(), friday.GetProperty("value").GetString(),
                 friday.GetProperty("precision").GetString()));
            var february = Assert.Single(lines[1].GetProperty("pred").EnumerateArray());
            Assert.Equal(("2019-02", "2019-02-01", "2019-02-28"),
                (february.GetProperty("value").GetString(), february.GetProperty("intervalStart").GetString(), february.GetProperty("intervalEnd").GetString()));
        }
        finally
        {
            File.Delete(input);
        }
    }
}
