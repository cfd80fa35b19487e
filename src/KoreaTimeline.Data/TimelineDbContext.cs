using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data;

/// <summary>
/// The timeline's database: articles, events, actors and the evidence linking them.
/// </summary>
/// <remarks>
/// Add a migration from the repository root with
/// <c>dotnet ef migrations add NAME --project src/KoreaTimeline.Data</c>.
/// Components take a short-lived context per operation from <see cref="IDbContextFactory{TContext}"/>.
/// </remarks>
public class TimelineDbContext(DbContextOptions<TimelineDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<EventActor> EventActors => Set<EventActor>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EventAlias> EventAliases => Set<EventAlias>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TimelineDbContext).Assembly);
}
