using System.Diagnostics;
using CsCheck;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Tests.Temporal;

public sealed class TemporalPropertyTests
{
    private static readonly string[] Words =
    [
        "last", "Friday", "March", "2nd", "2025", "early", "mid-", "the", "past", "three", "years", "ago", "since", "June",
        "next", "week", "a", "year", "earlier", "1990s", "Q4", "-", ",", ".", "\n\n", "Trump's", "first", "term", "8:37", "p.m.",
        "between", "and", "20th", "century", "fiscal", "’", "(", "2", "31", "February", "30", "'90s", "Christmas", "day",
    ];

    [Fact]
    public void Random_text_never_throws_and_offsets_stay_in_range() =>
        Gen.String.Sample(text => Holds(text, new DateOnly(2025, 3, 2)), iter: 3000);

    [Fact]
    public void Random_temporal_word_salad_never_throws_and_offsets_stay_in_range() =>
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 20], Gen.Int[-40000, 40000])
            .Sample(t => Holds(string.Join(' ', t.Item1.Select(i => Words[i])), new DateOnly(2025, 3, 2).AddDays(t.Item2)), iter: 3000);

    [Fact]
    public void Extreme_reference_dates_do_not_throw()
    {
        Assert.True(Holds("Last Friday, two years ago, next week, the following year", DateOnly.MinValue));
        Assert.True(Holds("Last Friday, two years ago, next week, the following year", DateOnly.MaxValue));
    }

    [Fact]
    public void Tagging_is_fast()
    {
        var text = string.Concat(Enumerable.Repeat(
            "SEOUL, March 3 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Monday, the Joint Chiefs of Staff said, " +
            "in its first launch since June last year. The launch came a week after the allies began their annual Freedom Shield exercise. ", 12));
        var tagger = TemporalTagger.Default;
        tagger.Tag(text, new DateOnly(2025, 3, 3));
        // The best of many runs: other tests and other engineers share the CPU.
        var best = TimeSpan.MaxValue;
        var total = Stopwatch.StartNew();
        while (total.ElapsedMilliseconds < 500)
        {
            var sw = Stopwatch.StartNew();
            tagger.Tag(text, new DateOnly(2025, 3, 3));
            best = sw.Elapsed < best ? sw.Elapsed : best;
        }

        var perSecond = text.Length / best.TotalSeconds;
        TestContext.Current.SendDiagnosticMessage($"{perSecond / 1e6:F1} M chars/s");
        Assert.True(perSecond > 1e6, $"{perSecond / 1e6:F2} M chars/s (debug build; release is about 10x faster)");
    }

    private static bool Holds(string text, DateOnly reference)
    {
        var found = TemporalTagger.Default.Tag(text, reference);
        foreach (var e in found)
        {
            if (e.Start < 0 || e.End > text.Length || e.Start >= e.End || text[e.Start..e.End] != e.Text)
            {
                return false;
            }
        }

        return found.Zip(found.Skip(1)).All(p => p.First.Start <= p.Second.Start);
    }
}
