using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Data.Import;

/// <summary>Where the web app finds the articles it imports on start (an absolute path).</summary>
public sealed record SeedOptions(string SeedsPath);

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
        await TimelineDatabase.InitializeAsync(contextFactory, cancellationToken);
        logger.LogInformation("Importing articles from {SeedsPath}", options.SeedsPath);
        var results = await importer.ImportFolderAsync(options.SeedsPath, cancellationToken);
        logger.LogInformation("Seed import done: {New} new, {Changed} changed, {Unchanged} unchanged, {Failed} failed",
            results.Count(r => r.Status == ImportStatus.New),
            results.Count(r => r.Status == ImportStatus.Changed),
            results.Count(r => r.Status == ImportStatus.Unchanged),
            results.Count(r => r.Status == ImportStatus.Failed));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
