namespace KoreaTimeline.Web.Extensions;

/// <summary>Security headers on every response, and HSTS outside Development.</summary>
public static class SecurityHeadersExtensions
{
    /// <summary>
    /// The pages' Content-Security-Policy. Scripts only from this origin and never inline (no import map; the
    /// reconnect dialog's script is a file); Blazor Server needs nothing more: its circuit is a WebSocket to this
    /// origin (<c>connect-src 'self'</c>). MudBlazor sets inline <c>style</c> attributes, hence <c>'unsafe-inline'</c>
    /// for styles only. The favicon is a <c>data:</c> URL.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) configures itself with an inline script; it gets that and no more.</summary>
    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Browser features the timeline never uses.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>HSTS for a year (outside Development; browsers honour it over HTTPS only).</summary>
    public static IServiceCollection AddTimelineSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

    /// <summary>Adds the headers before anything else writes the response.</summary>
    public static WebApplication UseTimelineSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }
}
