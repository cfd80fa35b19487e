using KoreaTimeline.Data;
using Microsoft.AspNetCore.DataProtection;

namespace KoreaTimeline.Web.Extensions;

/// <summary>Data Protection keys (which sign login cookies and antiforgery tokens) in the timeline's database.</summary>
public static class DataProtectionSetup
{
    /// <summary>The application name every node shares, so each can read what another protected.</summary>
    public const string ApplicationName = "KoreaTimeline";

    /// <summary>
    /// Keeps the key ring in the <c>DataProtectionKeys</c> table: every web node behind a load balancer reads the same
    /// keys, so a login cookie or a form token made by one node is valid on all of them, and keys survive restarts.
    /// </summary>
    public static IServiceCollection AddTimelineDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<TimelineDbContext>();
        return services;
    }
}
