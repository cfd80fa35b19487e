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

    /// <summary>Options, Razor components with interactive server rendering, and MudBlazor.</summary>
    public static WebApplicationBuilder AddTimelineWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.SectionName);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxHubMessageBytes);
        builder.Services.AddMudServices();
        builder.AddTimelineApi();
        return builder;
    }

    /// <summary>The request pipeline: request logging, error and 404 pages, static assets, components.</summary>
    public static WebApplication UseTimelineWeb(this WebApplication app)
    {
        app.UseTimelineRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // Unknown routes get the not-found page with status 404 on the first HTTP response.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // The JSON API, exports, OpenAPI document and its reference page (Api/).
        app.MapTimelineApi();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
