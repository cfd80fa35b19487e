using BenchmarkDotNet.Attributes;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Benchmarks;

/// <summary>
/// The temporal tagger and the whole extraction on the seed article, one core.
/// Characters per second = article length / mean time; articles per second = 1 / mean time.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private static readonly DateOnly Published = new(2025, 3, 2);
    private readonly string text = SeedArticle.Text;

    // Measure the steady state: the tagger's compiled rules, not the interpreted ones it starts with.
    [GlobalSetup]
    public void WaitForCompiledRules() => TemporalTagger.Default.WarmedUp.GetAwaiter().GetResult();

    [Benchmark]
    public int TagTemporalExpressions() => TemporalTagger.Default.Tag(text, Published).Count;

    [Benchmark]
    public int ExtractEvents() => ArticleExtractor.Default.Extract(new ArticleInput(text, Published: Published)).Events.Count;

    [Benchmark]
    public int ExtractEventsInferringTheDate() => ArticleExtractor.Default.Extract(new ArticleInput(text)).Events.Count;
}
