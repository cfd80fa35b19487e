using Microsoft.AspNetCore.Hosting;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>A fresh database and a copy of the repository's seeds: the app's startup import fills it.</summary>
public sealed class SeededAppFactory : TimelineAppFactory
{
    protected override bool SeedSample => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt"))
        {
            File.Copy(file, Path.Combine(SeedsPath, Path.GetFileName(file)), overwrite: true);
        }
    }
}
