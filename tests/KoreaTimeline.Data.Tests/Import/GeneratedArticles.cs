namespace KoreaTimeline.Data.Tests.Import;

/// <summary>
/// Short invented articles built from templates, each with a sidecar giving its published date, for tests that
/// need many articles. Neighbouring articles report some of the same launches, so merging is exercised too.
/// </summary>
internal static class GeneratedArticles
{
    private static readonly string[] Places = ["the East Sea", "the Yellow Sea", "waters off the east coast", "the sea"];
    private static readonly string[] Counts = ["a", "two", "three", "several"];
    private static readonly string[] Drills = ["Freedom Shield", "Ulchi Freedom Shield", "a combined air drill", "a naval drill"];

    public static IReadOnlyList<string> Write(string folder, int count, string prefix = "article")
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var published = new DateOnly(2024, 1, 3).AddDays(3 * (i / 2));
            var name = Path.Combine(folder, $"{prefix}-{i:D4}.txt");
            File.WriteAllText(name, Text(i));
            File.WriteAllText(Path.Combine(folder, $"{prefix}-{i:D4}.meta.json"),
                $$"""{"title": "Generated report {{i}}", "outlet": "Test Wire", "published": "{{published:yyyy-MM-dd}}"}""");
            paths.Add(name);
        }
        return paths;
    }

    public static string Text(int i) => $"""
        North Korea fired {Counts[i % Counts.Length]} ballistic missiles into {Places[i % Places.Length]} on Monday, officials said.

        On Tuesday, the United States and South Korea began {Drills[(i / 2) % Drills.Length]} near Pohang, report {i} said.

        South Korean President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba in Tokyo on Wednesday to discuss the launches.

        The foreign ministry in Pyongyang warned on Tuesday that the drills would be met with a strong response.
        """;
}
