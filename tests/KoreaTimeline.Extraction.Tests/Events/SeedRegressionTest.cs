using System.Text.Json;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>
/// The seed article against its gold timeline (../shared/eval/seed), matched the way the evaluation's scorer
/// matches: a predicted event answers a gold event when one of its quotes overlaps the gold quote.
/// </summary>
public sealed class SeedRegressionTest
{
    private const string Seed = "000_3ae65080696c7bb3";

    private static readonly JsonSerializerOptions GoldJson = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record GoldEvent(string Quote, string Start, string End, string Type, List<string> Actors, bool Optional, List<string>? AltQuotes);

    private static string? SharedEval()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", "seed");
            if (File.Exists(Path.Combine(candidate, Seed + ".gold.json")))
            {
                return candidate;
            }
        }
        return null;
    }

    [Fact]
    public void Seed_article_matches_its_gold_timeline()
    {
        var folder = SharedEval();
        if (folder is null)
        {
            Assert.Skip("The evaluation data (../shared/eval/seed) is not beside the repository.");
        }
        var text = File.ReadAllText(Path.Combine(folder, Seed + ".txt"));
        var gold = JsonSerializer.Deserialize<List<GoldEvent>>(File.ReadAllText(Path.Combine(folder, Seed + ".gold.json")), GoldJson)!;
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Seed + ".expect.json"))).RootElement.GetProperty("published").GetString();

        var result = ArticleExtractor.Default.Extract(new ArticleInput(text));

        Assert.Equal(("inferred", expected), (result.Article.PublishedSource, result.Article.Published.ToString("yyyy-MM-dd")));
        var used = new HashSet<ExtractedEvent>();
        var misses = new List<string>();
        var actorF1 = new List<double>();
        foreach (var g in gold.OrderBy(g => g.Optional))
        {
            var spans = new[] { g.Quote }.Concat(g.AltQuotes ?? []).Select(q => (Start: text.IndexOf(q, StringComparison.Ordinal), q.Length))
                .Where(s => s.Start >= 0).Select(s => (s.Start, End: s.Start + s.Length)).ToList();
            var match = result.Events.Where(e => !used.Contains(e) && e.Evidence.Any(v => spans.Any(s => v.Start < s.End && s.Start < v.End)))
                .OrderByDescending(e => Iso(e.Date.Start) == g.Start && Iso(e.Date.End) == g.End)
                .ThenByDescending(e => e.Type.Id() == g.Type)
                .FirstOrDefault();
            if (match is not null)
            {
                used.Add(match);
            }
            if (g.Optional)
            {
                continue;
            }
            if (match is null || Iso(match.Date.Start) != g.Start || Iso(match.Date.End) != g.End || match.Type.Id() != g.Type)
            {
                misses.Add($"{g.Quote[..Math.Min(60, g.Quote.Length)]}: want {g.Type} {g.Start}..{g.End}, got " +
                    (match is null ? "nothing" : $"{match.Type.Id()} {Iso(match.Date.Start)}..{Iso(match.Date.End)}"));
                continue;
            }
            actorF1.Add(F1([.. match.Actors.Select(a => a.Name)], g.Actors));
        }

        Assert.True(misses.Count == 0, "gold events missed or wrong:\n" + string.Join('\n', misses));
        Assert.True(result.Events.Count(e => !used.Contains(e)) <= 1, "more than one event outside the gold timeline");
        Assert.True(actorF1.Average() >= 0.9, $"actor F1 {actorF1.Average():P1}");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static double F1(List<string> predicted, List<string> gold)
    {
        var tp = predicted.Intersect(gold).Count();
        return tp == 0 ? 0 : 2.0 * tp / (predicted.Count + gold.Count);
    }
}
