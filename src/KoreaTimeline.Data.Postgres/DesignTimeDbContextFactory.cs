using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KoreaTimeline.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project src/KoreaTimeline.Data.Postgres</c> build the context on PostgreSQL
/// with the migrations of this assembly; no server is contacted to add a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TimelineDbContext>
{
    public TimelineDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TimelineDbContext>();
        options.UseTimelineDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=koreatimeline");
        return new(options.Options);
    }
}
