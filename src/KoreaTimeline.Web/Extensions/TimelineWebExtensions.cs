using KoreaTimeline.Data;
using KoreaTimeline.Web.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace KoreaTimeline.Web.Extensions;

/// <summary>Registration and pipeline of the timeline's web UI.</summary>
public static class TimelineWebExtensions
{
    /// <summary>Options, Razor components with interactive server rendering, and MudBlazor.</summary>
    public static WebApplicationBuilder AddTimelineWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.SectionName);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
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
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Creates or upgrades the database before the app serves requests.</summary>
    public static async Task InitializeTimelineDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>();
        await TimelineDatabase.InitializeAsync(factory, cancellationToken);
    }
}
