using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KoreaTimeline.Web.Extensions;

/// <summary>
/// Behind a reverse proxy: <c>Timeline:ForwardedHeaders:KnownProxies</c> lists the proxies' addresses whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Without it no forwarded header is trusted, so a
/// client cannot choose the address its rate limits are counted under.
/// </summary>
public static class ForwardedHeadersSetup
{
    /// <summary>Configures forwarded headers from <c>Timeline:ForwardedHeaders:KnownProxies</c>.</summary>
    public static WebApplicationBuilder AddTimelineForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("Timeline:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Timeline:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }
        });
        return builder;
    }

    /// <summary>Applies the forwarded headers of trusted proxies (none when none are configured).</summary>
    public static WebApplication UseTimelineForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
