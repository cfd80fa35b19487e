using BenchmarkDotNet.Attributes;
using KoreaTimeline.Extraction.Pipeline;
using KoreaTimeline.Extraction.Syntax;

namespace KoreaTimeline.Benchmarks;

/// <summary>
/// The tokenizer and the syntax models (tagger, lemmatizer, parser, labeller) on the sentences of the seed
/// article, one core. Tokens per second = <see cref="Tokens"/> / mean time; the count is printed at setup.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private readonly string text = SeedArticle.Text;
    private List<Sentence> sentences = [];
    private List<IReadOnlyList<Token>> tokenized = [];

    /// <summary>The tokens of the seed article.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        sentences = SentenceSplitter.Split(text);
        tokenized = [.. sentences.Select(s => EnglishTokenizer.Tokenize(text, s.Start, s.Length))];
        Tokens = tokenized.Sum(t => t.Count);
        _ = SyntaxModel.Default;
        Console.WriteLine($"// seed article: {text.Length} characters, {sentences.Count} sentences, {Tokens} tokens");
    }

    [Benchmark]
    public int Tokenize()
    {
        var n = 0;
        foreach (var s in sentences)
        {
            n += EnglishTokenizer.Tokenize(text, s.Start, s.Length).Count;
        }

        return n;
    }

    [Benchmark]
    public int Parse()
    {
        var n = 0;
        foreach (var t in tokenized)
        {
            n += SyntaxModel.Default.Parse(t).Tokens.Count;
        }

        return n;
    }

    [Benchmark]
    public int TokenizeAndParse()
    {
        var n = 0;
        foreach (var s in sentences)
        {
            n += SyntaxModel.Default.Parse(EnglishTokenizer.Tokenize(text, s.Start, s.Length)).Tokens.Count;
        }

        return n;
    }
}
