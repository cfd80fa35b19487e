using System.Net;
using KoreaTimeline.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>Methods the read-only API refuses, <c>/export</c> without a format, and a database locked by another process.</summary>
public sealed class MethodsAndLocksTest(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/api/events")]
    [InlineData("OPTIONS", "/api/events")]
    [InlineData("DELETE", "/api/events/1")]
    [InlineData("PUT", "/api/actors/north-korea")]
    [InlineData("PATCH", "/api/types")]
    [InlineData("POST", "/api/articles/1")]
    [InlineData("POST", "/export/csv")]
    [InlineData("OPTIONS", "/export/atom")]
    [InlineData("HEAD", "/api/events")]
    public async Task Other_methods_on_read_only_routes_answer_405_with_allow(string method, string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is not ("OPTIONS" or "HEAD"))
        {
            request.Content = new StringContent("{}");
        }
        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        if (method != "HEAD")
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/export", "/export/csv")]
    [InlineData("/export/", "/export/atom")]
    [InlineData("/export/csv/extra", "csv, json")]
    public async Task Export_without_a_format_is_a_problem_listing_the_formats(string path, string expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }
}

/// <summary>The app with a one-second busy timeout, for a database held locked by another process.</summary>
public sealed class LockedDatabaseAppFactory : OpenDataAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "0",
        ["Timeline:DatabaseBusySeconds"] = "1",
    };

    // Without the facet index's load at start, which would open the app's data-version connection before the lock is
    // taken (the app then keeps reading through another process's exclusive lock, WAL): the test needs an app locked out.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var warmUp = services.Single(d => d.ImplementationType == typeof(Extensions.FacetIndexWarmUp));
            services.Remove(warmUp);
        });
    }
}

/// <summary>Another process holds the database exclusively: requests fail with a clear message, not after 30 s or more.</summary>
public sealed class LockedDatabaseTest(LockedDatabaseAppFactory app) : IClassFixture<LockedDatabaseAppFactory>
{
    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locked_database_answers_503_with_retry_after_and_says_why()
    {
        using var client = app.CreateClient();
        // Started without touching the database: once the app has read it, its data-version connection stays open, and
        // another process's exclusive locking mode then no longer keeps the app's readers out (WAL).
        using (var warm = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // Exclusive locking mode: once this connection writes, no other connection may even read the file. The app's
        // idle pooled connections are closed first, as they would be in another process.
        SqliteConnection.ClearAllPools();
        await using var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await holder.OpenAsync(Cancellation);
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE Events SET Confidence = Confidence WHERE Id = 1;";
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        using var response = await client.GetAsync(new Uri("/api/events?q=summit", UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("locked by another process", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/?q=summit", UriKind.Relative), Cancellation);
        Assert.Contains("locked by another process", page, StringComparison.Ordinal);
    }
}
