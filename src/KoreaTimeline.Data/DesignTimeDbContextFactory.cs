using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KoreaTimeline.Data;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TimelineDbContext>
{
    public TimelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite("Data Source=design.db").Options);
}
