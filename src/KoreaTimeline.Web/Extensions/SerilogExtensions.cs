using Serilog;

namespace KoreaTimeline.Web.Extensions;

/// <summary>Serilog as the host's only logger, configured from the <c>Serilog</c> section.</summary>
public static class SerilogExtensions
{
    /// <summary>
    /// Routes all logging through Serilog, read from configuration. No static bootstrap logger: a frozen
    /// bootstrap logger throws when several hosts start in one process, as test hosts do.
    /// </summary>
    public static WebApplicationBuilder UseTimelineSerilog(this WebApplicationBuilder builder, string sectionName = "Serilog")
    {
        var configuration = builder.Configuration;
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions { SectionName = sectionName })
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "KoreaTimeline"),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One structured event per request, with the matched endpoint.</summary>
    public static WebApplication UseTimelineRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger, not the static Log.Logger, which this app leaves alone.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.GetEndpoint() is { DisplayName: { } endpoint })
                {
                    diagnostics.Set("Endpoint", endpoint);
                }
            };
        });
        return app;
    }
}
