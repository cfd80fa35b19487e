namespace KoreaTimeline.Benchmarks;

/// <summary>The seed article the extraction benchmarks run on.</summary>
internal static class SeedArticle
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(FindRoot(), "seeds", "000_3ae65080696c7bb3.txt"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KoreaTimeline.sln")))
            {
                return dir.FullName;
            }
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KoreaTimeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmarks inside the repository: no KoreaTimeline.sln found.");
    }
}
