using System.Net;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>/healthz says the process answers; /readyz says the database can be read.</summary>
public sealed class HealthEndpointsTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Both_answer_healthy_with_a_readable_database(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}

/// <summary>A database file that stopped being a database: not ready, still alive.</summary>
public sealed class BrokenDatabaseHealthTest(TimelineAppFactory app) : IClassFixture<TimelineAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_answers_503_and_healthz_200()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Cancellation)).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { app.DatabasePath + "-wal", app.DatabasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
        await File.WriteAllBytesAsync(app.DatabasePath, Enumerable.Repeat((byte)'x', 8192).ToArray(), Cancellation);

        var ready = await client.GetAsync("/readyz", Cancellation);
        var live = await client.GetAsync("/healthz", Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
