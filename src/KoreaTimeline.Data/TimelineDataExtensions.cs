
using KoreaTimeline.Data.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Data;

/// <summary>Registration of the timeline's data services.</summary>
public static class TimelineDataExtensions
{
    /// <summary>The connection string used when configuration gives none.</summary>
    public const string DefaultConnectionString = "Data Source=data/koreatimeline.db";

    /// <summary>
    /// Registers the context factory, queries and importer on SQLite. A relative data source resolves against
    /// the working directory (the repository root under <c>dotnet run --project</c>); its folder is created.
    /// </summary>
    public static IServiceCollection AddTimelineData(this IServiceCollection services, string? connectionString)
    {
        var normalized = NormalizeConnectionString(connectionString ?? DefaultConnectionString);
        services.AddDbContextFactory<TimelineDbContext>(options => options.UseSqlite(normalized));
        services.AddSingleton<TimelineQueries>();

        return services;
    }

    /// <summary>Makes the data source absolute, creates its folder (a busy database is retried for the command timeout, 30 s by default).</summary>
    public static string NormalizeConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        return builder.ToString();
    }
}
