using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KoreaTimeline.Data;

/// <summary>
/// Live updates across nodes on PostgreSQL: listens on the <c>timeline_changes</c> channel, which the DataVersion
/// migration's triggers signal in every transaction that writes the timeline (delivered at commit, once per
/// transaction), and raises <see cref="TimelineChanges.Changed"/> here, so an import or an edit on any node updates the
/// open pages of this one. A dropped connection is opened again (with a change raised: one may have been missed).
/// </summary>
internal sealed class PostgresChangeListener(string connectionString, TimelineChanges changes, ILogger<PostgresChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the triggers signal.</summary>
    public const string Channel = "timeline_changes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, outside the pool: LISTEN belongs to a session, and the session must stay open.
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => changes.NotifyChanged();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (reconnecting)
                {
                    logger.LogInformation("Listening for timeline changes again");
                    changes.NotifyChanged();
                }
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                logger.LogWarning(e, "Lost the PostgreSQL connection that listens for timeline changes; trying again in {Delay}", delay);
                reconnecting = true;
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
