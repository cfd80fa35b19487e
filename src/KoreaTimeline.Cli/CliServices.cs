using KoreaTimeline.Data;
using KoreaTimeline.Data.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Cli;

/// <summary>The services a database command needs; logs go to standard error so standard output stays data.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string connectionString, long maxArticleBytes = ArticleFileReader.DefaultMaxBytes) =>
        new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning))
            // Timeline__Database__Provider=Postgres in the environment makes --db a PostgreSQL connection string.
            .AddTimelineData(connectionString, provider: DatabaseProviders.Parse(Environment.GetEnvironmentVariable("Timeline__Database__Provider")))
            .AddSingleton(new ArticleImportOptions(maxArticleBytes))
            .AddTimelineAccounts().Services
            .BuildServiceProvider();
}
