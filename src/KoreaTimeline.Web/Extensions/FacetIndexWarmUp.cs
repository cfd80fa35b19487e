using KoreaTimeline.Data.Queries;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Starts reading the facet index (every event's type, dates and actors) as the host starts, in the background, so it
/// loads while the server starts and the first page compiles instead of after the first request asked for it (seconds
/// at a million events). The first requests wait for the same load, never start a second one; a failure is logged and
/// left to the first request to retry.
/// </summary>
internal sealed class FacetIndexWarmUp(TimelineQueries queries, ILogger<FacetIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Out of the host's start: StartAsync returns at once and the server starts listening meanwhile.
        await Task.Yield();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await queries.WarmUpAsync(stoppingToken);
            logger.LogInformation("Facet index loaded in the background in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not load the facet index at start; the first request will");
        }
    }
}
