using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Web.Tests.Api;

/// <summary>The app with <see cref="InventedTimeline"/>, no rate limit and the default export limit.</summary>
public class OpenDataAppFactory : TimelineAppFactory
{
    protected override bool SeedSample => false;

    /// <summary>The invented events, in <see cref="InventedTimeline.Specs"/> order.</summary>
    public IReadOnlyList<Event> Events { get; private set; } = [];

    /// <summary>Settings the subclass changes.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        Events = await InventedTimeline.SeedAsync(contexts);
        // One real import time, so feeds can tell it from the events' own dates.
        await using var db = await contexts.CreateDbContextAsync();
        await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.ImportedAt, ImportedAt));
    }

    /// <summary>When the invented article was imported.</summary>
    public static readonly DateTimeOffset ImportedAt = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
}

/// <summary>The open-data app on PostgreSQL.</summary>
public sealed class OpenDataPostgresAppFactory : OpenDataAppFactory
{
    public OpenDataPostgresAppFactory() => Provider = DatabaseProvider.Postgres;
}

/// <summary>Exports capped at 5 events and feeds at 3.</summary>
public sealed class CappedAppFactory : OpenDataAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "0",
        ["Timeline:ExportLimit"] = "5",
        ["Timeline:FeedLimit"] = "3",
    };
}

/// <summary>Two requests per minute.</summary>
public sealed class RateLimitedAppFactory : OpenDataAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Timeline:RateLimit:PermitPerMinute"] = "2",
    };
}

/// <summary>The search index dropped after seeding, so any search fails inside the query.</summary>
public sealed class BrokenSearchAppFactory : OpenDataAppFactory
{
    protected override async Task SeedMoreAsync(IDbContextFactory<TimelineDbContext> contexts)
    {
        await base.SeedMoreAsync(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE EventSearch");
    }
}
