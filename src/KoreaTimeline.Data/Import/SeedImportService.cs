using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>Where the web app finds the articles it imports on start (an absolute path).</summary>
/// <param name="DebounceMilliseconds">How long the seeds folder must be quiet before the watcher imports what changed.</param>
/// <param name="Poll">Scan the folder instead of asking the operating system for file events (where it cannot give them).</param>
public sealed record SeedOptions(string SeedsPath, int DebounceMilliseconds = 750, bool Poll = false)
{
    public TimeSpan Debounce => TimeSpan.FromMilliseconds(DebounceMilliseconds);
}

/// <summary>
/// On start, migrates the database and imports every article in the seeds folder that is new or changed.
/// Runs before the server accepts requests, so the first page already shows the seeds.
/// </summary>
public sealed class SeedImportService(
    IDbContextFactory<TimelineDbContext> contextFactory,
    ArticleImporter importer,
    SeedOptions options,
    ILogger<SeedImportService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await TimelineDatabase.InitializeAsync(contextFactory, logger, cancellationToken);
        logger.LogInformation("Importing articles from {SeedsPath}", options.SeedsPath);
        var results = await importer.ImportFolderAsync(options.SeedsPath, cancellationToken);
        logger.LogInformation("Seed import done. {Summary}", ImportSummary.Of(results).ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
