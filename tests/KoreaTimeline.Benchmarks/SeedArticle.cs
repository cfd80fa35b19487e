using KoreaTimeline.Data;

namespace KoreaTimeline.Benchmarks;

/// <summary>The seed article the extraction benchmarks run on.</summary>
internal static class SeedArticle
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(
        TimelineDataExtensions.ResolveBaseDirectory(AppContext.BaseDirectory), "seeds", "000_3ae65080696c7bb3.txt"));
}
