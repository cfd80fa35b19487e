using KoreaTimeline.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>
/// The app on a temporary SQLite file and an empty seeds folder. <see cref="InitializeAsync"/> migrates the
/// database (the app's own startup code after <c>Build()</c> does not run under the factory) and seeds it.
/// </summary>
public class TimelineAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "koreatimeline-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Whether <see cref="InitializeAsync"/> inserts <see cref="SampleTimeline"/>.</summary>
    protected virtual bool SeedSample => true;

    /// <summary>The inserted sample; null when <see cref="SeedSample"/> is false.</summary>
    public SampleTimeline? Sample { get; private set; }

    public string DatabasePath => Path.Combine(folder, "timeline.db");

    public string SeedsPath => Path.Combine(folder, "seeds");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(SeedsPath);
        builder.UseSetting("ConnectionStrings:Timeline", $"Data Source={DatabasePath}");
        builder.UseSetting("Timeline:SeedsPath", SeedsPath);
    }

    public async ValueTask InitializeAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await TimelineDatabase.InitializeAsync(contexts);
        if (SeedSample)
        {
            Sample = await SampleTimeline.SeedAsync(contexts);
        }
        await SeedMoreAsync(contexts);
    }

    /// <summary>Adds further data after migration (and the sample, when seeded).</summary>
    protected virtual Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The app with a migrated but empty database.</summary>
public sealed class EmptyTimelineAppFactory : TimelineAppFactory
{
    protected override bool SeedSample => false;
}
