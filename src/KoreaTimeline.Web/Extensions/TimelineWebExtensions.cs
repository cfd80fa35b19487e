using KoreaTimeline.Data;
using KoreaTimeline.Web.Api;
using KoreaTimeline.Web.Components;
using MudBlazor.Services;

namespace KoreaTimeline.Web.Extensions;

/// <summary>Registration and pipeline of the timeline's web UI.</summary>
public static class TimelineWebExtensions
{
    /// <summary>
    /// The largest message a browser may send on the circuit's hub: SignalR's default, kept on purpose (a larger limit
    /// lets any client make the server buffer more per message). Pages persist nothing from prerendering, so the
    /// first message (the components to start) stays a few hundred bytes whatever the size of the timeline.
    /// </summary>
    public const int MaxHubMessageBytes = 32 * 1024;

    /// <summary>
    /// The content root when none is configured and the working directory is not the app's (it holds no
    /// appsettings.json): the folder of the app's own assembly. Null keeps ASP.NET Core's default (the working directory).
    /// </summary>
    public static string? DefaultContentRoot(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (configured || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")))
        {
            return null;
        }
        var own = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(own, "appsettings.json")) ? own : null;
    }

    /// <summary>How long a web request waits for a locked database before it fails with a clear message (seconds).</summary>
    public const int DefaultDatabaseBusySeconds = 5;

    /// <summary>
    /// The timeline's database from configuration: <c>Timeline:Database:Provider</c> (<c>Sqlite</c>, the default, or
    /// <c>Postgres</c>) and <c>ConnectionStrings:Timeline</c>. On SQLite a request waits at most
    /// <c>Timeline:DatabaseBusySeconds</c> (5) for a database another process holds locked, then fails fast (pages say the
    /// database did not answer; the API answers 503 with Retry-After) instead of hanging for the CLI's 30 s; a timeout
    /// written in the connection string wins. PostgreSQL takes its connection string as written (no default server).
    /// </summary>
    public static IServiceCollection AddTimelineDatabase(this IServiceCollection services, IConfiguration configuration, string? baseDirectory)
    {
        var provider = DatabaseProviders.Parse(configuration[DatabaseProviders.SettingName]);
        return provider == DatabaseProvider.Postgres
            ? services.AddTimelineData(configuration.GetConnectionString("Timeline"), baseDirectory, provider)
            : services.AddTimelineData(configuration.TimelineConnectionString(), baseDirectory);
    }

    /// <summary>
    /// <c>ConnectionStrings:Timeline</c> for SQLite with the web's busy timeout (<c>Timeline:DatabaseBusySeconds</c>,
    /// default 5 s) unless the connection string gives one.
    /// </summary>
    public static string TimelineConnectionString(this IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Timeline") ?? TimelineDataExtensions.DefaultConnectionString;
        if (connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        var seconds = int.TryParse(configuration["Timeline:DatabaseBusySeconds"], out var s) && s > 0 ? s : DefaultDatabaseBusySeconds;
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = seconds }.ToString();
    }

    /// <summary>Options, Razor components with interactive server rendering, and MudBlazor.</summary>
    public static WebApplicationBuilder AddTimelineWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.SectionName)
            .Validate(o => PublicBaseUrl.Problem(o.PublicBaseUrl) is null, "Timeline:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://timeline.example.org.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicBaseUrl>();
        builder.Services.AddTimelineSecurityHeaders();
        // No "Server: Kestrel" header: it tells an attacker what to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxHubMessageBytes);
        builder.Services.AddMudServices();
        builder.Services.AddTimelineCompression();
        builder.Services.AddTimelineHealthChecks();
        // The facet index loads as the server starts, not at the first request (FacetIndexWarmUp).
        builder.Services.AddHostedService<FacetIndexWarmUp>();
        // Pages of event cards as HTML, shared by every circuit showing the same events (memory per circuit).
        builder.Services.AddSingleton<Components.Shared.EventCardHtml>();
        builder.Services.AddSingleton<Components.Timeline.TimeAxisSvg>();
        builder.AddTimelineApi();
        // Editors' and admins' accounts, sign-in cookie and policies. On PostgreSQL (several nodes) the keys that sign
        // them live in the database; SQLite's single node keeps ASP.NET Core's default key folder.
        if (DatabaseProviders.Parse(builder.Configuration[DatabaseProviders.SettingName]) == DatabaseProvider.Postgres)
        {
            builder.Services.AddTimelineDataProtection();
        }
        builder.AddTimelineAccounts();
        // The permalink page's HTML for readers, per data version (PermalinkCache); after antiforgery, which it wraps.
        builder.Services.AddTimelinePermalinkCache();
        // How many pages render at once (Timeline:PageRenders, PageRenderGate).
        builder.Services.AddPageRenderGate(builder.Configuration);
        return builder;
    }

    /// <summary>The request pipeline: request logging, error and 404 pages, static assets, components.</summary>
    public static WebApplication UseTimelineWeb(this WebApplication app)
    {
        app.UseTimelineForwardedHeaders();
        app.UseTimelineRequestLogging();
        app.UseTimelineSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // Unknown routes get the not-found page with status 404 on the first HTTP response.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Who is signed in (editors and admins), before any endpoint runs.
        app.UseTimelineAccounts();
        // /healthz (liveness) and /readyz (the database can be read).
        app.MapTimelineHealthChecks();
        // The JSON API, exports, OpenAPI document and its reference page (Api/).
        app.MapTimelineApi();
        app.UseAntiforgery();
        // Readers' permalink pages from memory (PermalinkCache): after sign-in is known and the rate limits, before the
        // alias look-up (a cached page is a live event's: an id that becomes an alias moves the data version, so misses)
        // and before compression (an entry holds the compressed page; a hit costs neither a query nor compression).
        app.UseOutputCache();
        // A replaced or merged-away event id answers 301 to its successor's permalink (not the page's 404).
        app.UseEventAliasRedirects();
        // Page renders past the limit wait their turn (PageRenderGate): after the cache, so a cached permalink never waits.
        app.UsePageRenderGate();
        // CSS, JS and readers' pages without a precompressed copy are compressed as they go out (TimelineCompression).
        app.UseResponseCompression();
        app.MapStaticAssets();
        // The theme's CSS variables for the light and dark palette, built once (Components/Layout/ThemeCss).
        KoreaTimeline.Web.Components.Layout.ThemeCss.MapThemeCss(app);
        // Blazor would add its own "frame-ancestors 'self'" policy; the security headers already say 'none'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
