using System.Globalization;
using KoreaTimeline.Extraction.Temporal;

namespace KoreaTimeline.Extraction.Tests.Temporal;

public sealed class ArticleDateInferenceTests
{
    /// <summary>One case a line: <c>text | expected date or - | method</c>.</summary>
    public const string Cases = """
        On Sunday, March 2nd, an American aircraft carrier arrived. Since taking office on January 20, 2025, Trump has spoken. | 2025-03-02 | weekday-date
        SEOUL, March 3 (Yonhap) -- North Korea fired a missile on Monday, officials said in 2025. | 2025-03-03 | dateline
        SEOUL, March 3, 2024 (Yonhap) -- North Korea fired a missile. | 2024-03-03 | dateline
        Published: 2025-03-02\nNorth Korea fired a missile. | 2025-03-02 | published-line
        The envoy met Kim on March 2, 2025, and again on February 20, 2025. | 2025-03-02 | latest-explicit-date
        On Friday, January 5, talks ended; the 2023 deal stood. | 2024-01-05 | weekday-date
        North Korea fired a missile. | - | none
        March 2, 2025\n\nNorth Korea said on March 5, 2025 it would test. | 2025-03-02 | dateline
        Posted : 2025.03.02 14:35\nNorth Korea fired a missile. | 2025-03-02 | published-line
        By Kim Tong-hyung, Updated Mar 02, 2025\nSEOUL -- North Korea fired. | 2025-03-02 | published-line
        On Monday, March 3, the North fired; it last fired in January 2025 and in 2023. | 2025-03-03 | weekday-date
        """;

    public static TheoryData<string> Lines => TemporalTaggerTests.Lines(Cases);

    [Theory, MemberData(nameof(Lines))]
    public void Infers_the_article_date(string line)
    {
        var f = line.Split(" | ");
        var text = f[0].Replace("\\n", "\n", StringComparison.Ordinal);
        var result = ArticleDateInference.Infer(text);
        var expected = f[1] == "-" ? (DateOnly?)null : DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected, result.Date);
        Assert.Equal(f[2], result.Method);
        Assert.InRange(result.Confidence, 0, 1);
    }
}
