using KoreaTimeline.Data;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest folder above the test binaries that holds KoreaTimeline.sln (as the app finds it).</summary>
    public static string Root { get; } = TimelineDataExtensions.ResolveBaseDirectory(AppContext.BaseDirectory);

    /// <summary>The articles the app imports on start.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");
}
