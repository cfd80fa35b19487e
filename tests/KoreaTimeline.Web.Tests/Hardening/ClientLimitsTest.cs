using System.Net;
using System.Threading.RateLimiting;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime : TimeProvider
{
    private long ticks = TimeSpan.FromDays(1).Ticks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
}

/// <summary>Three pages and two API calls a minute, two circuits per client, a hand-moved clock, one trusted proxy.</summary>
public sealed class ClientLimitsAppFactory : OpenDataAppFactory
{
    public const string Proxy = "10.0.0.1";

    public ManualTime Time { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "2",
        ["Timeline:RateLimit:PagesPerMinute"] = "3",
        ["Timeline:RateLimit:MaxCircuitsPerClient"] = "2",
        ["Timeline:ForwardedHeaders:KnownProxies:0"] = Proxy,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }
}

/// <summary>Per-client limits on pages and circuits, partitioned by the address forwarded headers resolve, with a real Retry-After.</summary>
public sealed class ClientLimitsTest(ClientLimitsAppFactory app) : IClassFixture<ClientLimitsAppFactory>
{
    private async Task<HttpContext> GetAsync(string path, string remote, string? forwardedFor = null) =>
        await app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        }, Xunit.TestContext.Current.CancellationToken);

    [Fact]
    public async Task Pages_are_limited_per_client_with_the_real_time_left_as_retry_after()
    {
        const string client = "192.0.2.10";
        Assert.Equal(200, (await GetAsync("/", client)).Response.StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(200, (await GetAsync("/actors/north-korea", client)).Response.StatusCode);
        Assert.Equal(200, (await GetAsync("/", client)).Response.StatusCode);
        Assert.Equal(200, (await GetAsync("/app.css", client)).Response.StatusCode); // static files are not counted

        var refused = await GetAsync("/", client);
        Assert.Equal(429, refused.Response.StatusCode);
        // The window began 20 s ago: 40 s are left, not a fixed minute.
        Assert.Equal("40", refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal(200, (await GetAsync("/", "192.0.2.11")).Response.StatusCode); // another client has its own budget

        app.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(200, (await GetAsync("/", client)).Response.StatusCode);
    }

    [Fact]
    public async Task The_api_retry_after_is_the_real_time_left()
    {
        const string client = "192.0.2.20";
        Assert.Equal(200, (await GetAsync("/api/types", client)).Response.StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(200, (await GetAsync("/api/types", client)).Response.StatusCode);

        var refused = await GetAsync("/api/types", client);
        Assert.Equal(429, refused.Response.StatusCode);
        Assert.Equal("15", refused.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_has_its_own_budget_and_others_cannot_forge_one()
    {
        // Two readers behind the proxy: three pages each.
        foreach (var reader in new[] { "203.0.113.5", "203.0.113.6" })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(200, (await GetAsync("/", ClientLimitsAppFactory.Proxy, reader)).Response.StatusCode);
            }
            Assert.Equal(429, (await GetAsync("/", ClientLimitsAppFactory.Proxy, reader)).Response.StatusCode);
        }

        // A client that is no proxy: its X-Forwarded-For is ignored, so changing it buys nothing.
        const string direct = "198.51.100.7";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await GetAsync("/", direct, $"203.0.113.{100 + i}")).Response.StatusCode);
        }
        Assert.Equal(429, (await GetAsync("/", direct, "203.0.113.200")).Response.StatusCode);
    }

    [Fact]
    public void Open_circuits_are_capped_per_client_and_a_closed_one_frees_its_place()
    {
        var limiter = app.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        HttpContext Circuit(string remote)
        {
            var context = new DefaultHttpContext { RequestServices = app.Services };
            context.Request.Path = "/_blazor";
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            return context;
        }

        using var first = limiter.AttemptAcquire(Circuit("192.0.2.30"));
        var second = limiter.AttemptAcquire(Circuit("192.0.2.30"));
        using var third = limiter.AttemptAcquire(Circuit("192.0.2.30"));
        using var elsewhere = limiter.AttemptAcquire(Circuit("192.0.2.31"));

        Assert.True(first.IsAcquired);
        Assert.True(second.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(elsewhere.IsAcquired);
        second.Dispose();
        using var again = limiter.AttemptAcquire(Circuit("192.0.2.30"));
        Assert.True(again.IsAcquired);
    }
}
