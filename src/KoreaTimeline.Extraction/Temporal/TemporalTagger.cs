using KoreaTimeline.Extraction.Temporal.Parsing;
using KoreaTimeline.Extraction.Temporal.Refining;
using KoreaTimeline.Extraction.Temporal.Rules;

namespace KoreaTimeline.Extraction.Temporal;

/// <summary>
/// Finds temporal expressions in English news text and normalizes them to TimeML TIMEX3 values, with the
/// inclusive interval each date denotes. Built once from the embedded Resources/temporal data files; thread-safe.
/// </summary>
public sealed class TemporalTagger
{
    private static readonly Lazy<TemporalTagger> Instance = new(() => new TemporalTagger(TemporalResources.LoadEmbedded()));

    private readonly ITemporalParser[] _parsers;
    private readonly ITemporalRefiner[] _refiners;

    internal TemporalTagger(TemporalResources resources)
    {
        Resources = resources;
        RuleParser = new RuleParser(resources);
        var normalizer = new Normalizer(resources);
        _parsers =
        [
            // Every rule of rules.txt (named periods included), tried around trigger words; the leftmost match wins,
            // then the rule listed first, so the result equals one pass of all rules as one regex.
            RuleParser,
        ];
        _refiners =
        [
            // First, because a rejected number must neither be normalized nor move the narrative anchor.
            new NegativeContextFilter(resources),
            // Before resolution: signals are read from the text only and the event layer wants them on every item.
            new SignalRefiner(),
            // In text order, so explicit dates set the narrative time that "the next day" or "that month" read.
            new AnchorResolver(normalizer),
            // Last: it needs the resolved year of the right-hand expression ("April and July last year").
            new CoordinationRefiner(normalizer),
            // After resolution: it compares the dates two weekdays resolved to.
            new TimeZoneRefiner(),
        ];
    }

    /// <summary>The tagger built from the embedded resources.</summary>
    public static TemporalTagger Default => Instance.Value;

    internal TemporalResources Resources { get; }
    internal RuleParser RuleParser { get; }

    /// <summary>
    /// Completes once the tagger runs at full speed: its rules start interpreted (the first result comes at once) and
    /// compiled versions replace them in the background. Long-running hosts and benchmarks may wait for it.
    /// </summary>
    public Task WarmedUp => RuleParser.Compiled;

    /// <summary>The temporal expressions of <paramref name="text"/>, ordered by start; relative ones resolved against <paramref name="reference"/>.</summary>
    public IReadOnlyList<TemporalExpression> Tag(string text, DateOnly reference) => Tag(text, reference, null);

    /// <summary>As <see cref="Tag(string, DateOnly)"/>, writing what each stage did to <paramref name="trace"/>.</summary>
    public IReadOnlyList<TemporalExpression> Tag(string text, DateOnly reference, ITemporalTrace? trace)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var context = new TagContext(text, reference, trace);
        var candidates = new List<Candidate>();
        foreach (var parser in _parsers)
        {
            parser.Parse(context, candidates);
        }

        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        foreach (var refiner in _refiners)
        {
            refiner.Refine(context, candidates);
        }

        var result = new List<TemporalExpression>(candidates.Count);
        foreach (var c in candidates)
        {
            if (c.Start < 0 || c.End > text.Length || c.Start >= c.End || c.Value is null)
            {
                continue;
            }

            result.Add(new TemporalExpression(c.Start, c.End, text[c.Start..c.End], c.Type, c.Value, c.Mod, c.Interval)
            {
                Signal = c.Signal,
                Rule = c.Rule.Id,
            });
        }

        return result;
    }
}
