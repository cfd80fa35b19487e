using CsCheck;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>On any text the extractor returns events whose quotes index the text, dated in order.</summary>
public sealed class ExtractorPropertyTests
{
    private static readonly string[] Words =
    [
        "North", "Korea", "fired", "a", "missile", "on", "Monday", ",", ".", "the", "launch", "Kim", "Jong-un", "met",
        "Trump", "in", "Hanoi", "since", "June", "last", "year", "that", "announced", "drills", "SEOUL", "(Yonhap)", "--",
        "\"", "“", "”", "which", "when", "said", "U.S.", "sanctions", "imposed", "first", "time", "\n\n", "not", "may", "2019",
        "Secretary", "of", "State", "Cho", "Tae-yul", "summit", "USS", "Nimitz", "arrived", "Busan", ";", "and", "but",
    ];

    [Fact]
    public void Random_text_never_throws_and_quotes_index_the_text() =>
        Gen.String.Sample(text => Holds(text, new DateOnly(2025, 3, 2)), iter: 1000);

    [Fact]
    public void Random_news_word_salad_never_throws_and_quotes_index_the_text() =>
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 60], Gen.Int[-20000, 20000])
            .Sample(t => Holds(string.Join(' ', t.Item1.Select(i => Words[i])), t.Item2 % 3 == 0 ? null : new DateOnly(2025, 3, 2).AddDays(t.Item2)), iter: 1000);

    private static bool Holds(string text, DateOnly? published)
    {
        var result = ArticleExtractor.Default.Extract(new ArticleInput(text, Published: published));
        return result.Events.All(e =>
            e.Date.Start <= e.Date.End
            && e.Evidence.Count > 0
            && e.Evidence.All(v => v.Start >= 0 && v.End <= text.Length && v.Start < v.End && text[v.Start..v.End] == v.Text)
            && !string.IsNullOrWhiteSpace(e.Title));
    }
}
