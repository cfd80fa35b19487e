namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest folder above the test binaries that holds KoreaTimeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The articles the app imports on start.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KoreaTimeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No KoreaTimeline.sln above {AppContext.BaseDirectory}.");
    }
}
