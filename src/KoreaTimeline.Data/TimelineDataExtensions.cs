
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Entities;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KoreaTimeline.Data;

/// <summary>Registration of the timeline's data services.</summary>
public static class TimelineDataExtensions
{
    /// <summary>The connection string used when configuration gives none.</summary>
    public const string DefaultConnectionString = "Data Source=data/koreatimeline.db";

    /// <summary>
    /// Registers the context factory, queries and importer on <paramref name="provider"/> (SQLite by default). A relative
    /// SQLite data source resolves against <paramref name="baseDirectory"/> (the working directory when null); its folder
    /// is created. PostgreSQL needs a connection string (there is no default server).
    /// </summary>
    public static IServiceCollection AddTimelineData(
        this IServiceCollection services, string? connectionString, string? baseDirectory = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var normalized = provider == DatabaseProvider.Postgres
            ? NormalizePostgresConnectionString(connectionString)
            : NormalizeConnectionString(connectionString ?? DefaultConnectionString, baseDirectory);
        services.AddDbContextFactory<TimelineDbContext>(options => options.UseTimelineDatabase(provider, normalized));
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<TimelineChanges>();
        services.AddSingleton(ArticleExtractor.Default);
        services.TryAddSingleton(new ArticleImportOptions());
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<EventEditor>();
        services.AddSingleton<EditorialQueries>();
        if (provider == DatabaseProvider.Postgres)
        {
            // Changes committed by other nodes reach this one's open pages (LISTEN/NOTIFY).
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PostgresChangeListener>(sp, normalized));
        }
        return services;
    }

    /// <summary>
    /// Identity's stores of editors' and admins' accounts in the timeline's database (user and role managers,
    /// <see cref="UserAccounts"/>); the web app adds sign-in and cookies on top. Call after <see cref="AddTimelineData"/>.
    /// </summary>
    public static IdentityBuilder AddTimelineAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        return services.AddIdentityCore<TimelineUser>(UserAccounts.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TimelineDbContext>();
    }

    /// <summary>
    /// Seed import and watcher from the <c>Timeline</c> configuration section: <c>SeedsPath</c> (default
    /// <c>seeds</c>), <c>WatchSeeds</c> (default true: articles added while the app runs are imported),
    /// <c>MaxArticleBytes</c> (default 2 MB).
    /// </summary>
    public static IServiceCollection AddTimelineSeedImport(this IServiceCollection services, IConfiguration configuration, string? baseDirectory = null)
    {
        var section = configuration.GetSection("Timeline");
        var maxBytes = long.TryParse(section["MaxArticleBytes"], out var max) && max > 0 ? max : ArticleFileReader.DefaultMaxBytes;
        services.AddSingleton(new ArticleImportOptions(maxBytes));
        var watch = !bool.TryParse(section["WatchSeeds"], out var w) || w;
        return services.AddTimelineSeedImport(section["SeedsPath"] ?? "seeds", baseDirectory, watch);
    }

    /// <summary>
    /// Migrates the database and imports the articles of <paramref name="seedsPath"/> (relative to
    /// <paramref name="baseDirectory"/>, else the working directory) when the host starts.
    /// </summary>
    /// <remarks>With <paramref name="watch"/>, articles added to the folder later are imported as they arrive.</remarks>
    public static IServiceCollection AddTimelineSeedImport(this IServiceCollection services, string seedsPath, string? baseDirectory = null, bool watch = false)
    {
        services.AddSingleton(new SeedOptions(Path.GetFullPath(seedsPath, baseDirectory ?? Directory.GetCurrentDirectory())));
        services.AddHostedService<SeedImportService>();
        if (watch)
        {
            services.AddHostedService<SeedWatcherService>();
        }
        return services;
    }

    /// <summary>
    /// The repository root (the nearest folder at or above <paramref name="start"/> holding KoreaTimeline.sln),
    /// or <paramref name="start"/> itself outside a repository: where the default <c>data/</c> and <c>seeds/</c> live.
    /// </summary>
    public static string ResolveBaseDirectory(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KoreaTimeline.sln")))
            {
                return dir.FullName;
            }
        }
        return Path.GetFullPath(start);
    }

    /// <summary>
    /// Checks a PostgreSQL connection string and names the setting when it is missing or malformed. Npgsql's own
    /// pool serves every context; <c>Command Timeout</c> stays as given (30 s by default).
    /// </summary>
    public static string NormalizePostgresConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Timeline must hold a PostgreSQL connection string (Host=...;Database=...;Username=...) when {DatabaseProviders.SettingName} is Postgres.");
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ArgumentException("it names no Host");
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Timeline is not a PostgreSQL connection string ({e.Message}); with {DatabaseProviders.SettingName} = Postgres it reads like Host=db;Database=koreatimeline;Username=timeline.", e);
        }
    }

    /// <summary>
    /// Makes the data source absolute and creates its folder. A busy database is retried for the default command
    /// timeout (<c>Default Timeout</c>, 30 s unless the connection string says otherwise): this is the busy timeout
    /// that lets readers and the importer share the file.
    /// </summary>
    public static string NormalizeConnectionString(string connectionString, string? baseDirectory = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, baseDirectory ?? Directory.GetCurrentDirectory());
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }
        return builder.ToString();
    }
}
