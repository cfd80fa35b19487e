using KoreaTimeline.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data;

/// <summary>
/// The timeline's database: articles, events, actors and the evidence linking them; editors' corrections and their
/// audit; the editors' accounts (ASP.NET Core Identity tables <c>AspNet*</c>); and the Data Protection keys that sign
/// cookies and antiforgery tokens, shared by every web node.
/// </summary>
/// <remarks>
/// Add a migration from the repository root for each provider, with the same NAME:
/// <c>dotnet ef migrations add NAME --project src/KoreaTimeline.Data</c> (SQLite) and
/// <c>dotnet ef migrations add NAME --project src/KoreaTimeline.Data.Postgres</c> (PostgreSQL).
/// Components take a short-lived context per operation from <see cref="IDbContextFactory{TContext}"/>.
/// </remarks>
public class TimelineDbContext(DbContextOptions<TimelineDbContext> options) : IdentityDbContext<TimelineUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<EventActor> EventActors => Set<EventActor>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EventAlias> EventAliases => Set<EventAlias>();
    public DbSet<EventCorrection> EventCorrections => Set<EventCorrection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CorrectionSuggestion> CorrectionSuggestions => Set<CorrectionSuggestion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TimelineDbContext).Assembly);
    }
}
