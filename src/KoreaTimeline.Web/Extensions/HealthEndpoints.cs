using KoreaTimeline.Data.Queries;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// <c>/healthz</c> (liveness: the process answers; no check runs, so a slow database never gets a node restarted) and
/// <c>/readyz</c> (readiness: the database can be read within <see cref="ReadyTimeout"/>), both plain text
/// "Healthy" or "Unhealthy" with 200 or 503, for a load balancer or an orchestrator.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>How long <c>/readyz</c> waits for the database.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(3);

    private const string ReadyTag = "ready";

    public static IServiceCollection AddTimelineHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapTimelineHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }

    /// <summary>The database answers a one-row read of the events table.</summary>
    private sealed class DatabaseHealthCheck(TimelineQueries queries, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReadyTimeout);
            try
            {
                await queries.PingAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Readiness check: the database cannot be read");
                // The reason stays in the log: the probe is public and needs no detail.
                return HealthCheckResult.Unhealthy("database unreachable");
            }
        }
    }
}
