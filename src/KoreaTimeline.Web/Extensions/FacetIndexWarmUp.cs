using KoreaTimeline.Data.Queries;
using KoreaTimeline.Web.Components.Pages;
using KoreaTimeline.Web.Components.Timeline;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Starts reading the facet index (every event's type, dates and actors) as the host starts, in the background, so it
/// loads while the server starts and the first page compiles instead of after the first request asked for it (seconds
/// at a million events), then computes the home page's page, counts and time axis (each a pass over every event, kept
/// per view and data version), so the first visitor of <c>/</c> waits for a render only. The first requests wait for
/// the same work, never start it twice; a failure is logged and left to the first request to retry.
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
            // The unfiltered view exactly as TimelinePage asks for it (the same cache keys).
            var home = TimelineUrl.Parse(null, null, null, null, null, null, TimelinePage.PageSize);
            await Task.WhenAll(
                queries.GetPageAsync(home, stoppingToken),
                queries.GetFacetsAsync(home, cancellationToken: stoppingToken),
                queries.GetAxisAsync(home, new TimeAxisRequest(LanesByType: false), stoppingToken));
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
