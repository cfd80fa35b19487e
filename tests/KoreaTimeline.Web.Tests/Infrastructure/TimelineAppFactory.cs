using KoreaTimeline.Data;
using KoreaTimeline.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Infrastructure;

/// <summary>
/// The app on a temporary SQLite file (or, with <see cref="Provider"/> Postgres, a database of its own on the tests'
/// private PostgreSQL server) and an empty seeds folder. <see cref="InitializeAsync"/> migrates the database (the app's
/// own startup code after <c>Build()</c> does not run under the factory) and seeds it.
/// </summary>
public class TimelineAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "koreatimeline-tests", Guid.NewGuid().ToString("N"));
    private PostgresServer? server;

    /// <summary>
    /// The database the app runs on. Where PostgreSQL is not installed a Postgres app is left uninitialized: its tests
    /// call <see cref="PostgresServer.SkipUnlessInstalled"/> and skip (or fail, in CI).
    /// </summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string of the app's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// PostgreSQL: the database of another app (a second web node on the same database) instead of a new one; it is
    /// left to that app to drop.
    /// </summary>
    public string? SharedDatabase { get; init; }

    /// <summary>Whether <see cref="InitializeAsync"/> inserts <see cref="SampleTimeline"/>.</summary>
    protected virtual bool SeedSample => true;

    /// <summary>The inserted sample; null when <see cref="SeedSample"/> is false.</summary>
    public SampleTimeline? Sample { get; private set; }

    public string DatabasePath => Path.Combine(folder, "timeline.db");

    public string SeedsPath => Path.Combine(folder, "seeds");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(SeedsPath);
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting(DatabaseProviders.SettingName, "Postgres");
        }
        else
        {
            ConnectionString = $"Data Source={DatabasePath}";
        }
        builder.UseSetting("ConnectionStrings:Timeline", ConnectionString);
        builder.UseSetting("Timeline:SeedsPath", SeedsPath);
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (!PostgresServer.IsInstalled)
            {
                return;
            }
            if (SharedDatabase is not null)
            {
                ConnectionString = SharedDatabase;
            }
            else
            {
                server = await PostgresServer.GetAsync();
                ConnectionString = await server.CreateDatabaseAsync();
            }
        }
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
        if (server is not null)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
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
public class EmptyTimelineAppFactory : TimelineAppFactory
{
    protected override bool SeedSample => false;
}
