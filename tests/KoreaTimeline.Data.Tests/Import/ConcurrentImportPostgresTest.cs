using System.Collections.Concurrent;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>
/// Imports from several machines at once on one PostgreSQL database: each article and each actor is stored once, the
/// importer that comes second finds the article unchanged, and conflicts the database reports are tried again.
/// Each "machine" is a service provider of its own (its own importer, contexts and connection pool). The races are
/// made certain, not left to timing: the test holds the timeline's write lock, or an uncommitted row, until every
/// importer waits for it.
/// </summary>
public sealed class ConcurrentImportPostgresTest
{
    // The write lock every PostgreSQL transaction of the timeline takes first (TimelineWriteLock).
    private const string TakeWriteLock = "SELECT pg_advisory_xact_lock(1263818572)";

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_machines_importing_one_folder_at_once_store_each_article_once_and_the_second_finds_it_unchanged()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        GeneratedArticles.Write(db.ArticlesPath, 6);
        await using var first = Machine(db);
        await using var second = Machine(db);

        // Both machines read, extract and then wait for the write lock with the same first article in hand.
        var both = await WhileHoldingTheWriteLockAsync(db, waiters: 2,
            () => first.GetRequiredService<ArticleImporter>().ImportFolderAsync(db.ArticlesPath, Cancellation),
            () => second.GetRequiredService<ArticleImporter>().ImportFolderAsync(db.ArticlesPath, Cancellation));

        var results = both.SelectMany(r => r).ToList();
        Assert.All(results, r => Assert.Contains(r.Status, new[] { ImportStatus.New, ImportStatus.Unchanged }));
        Assert.All(results.GroupBy(r => r.Source), g => Assert.Single(g, r => r.Status == ImportStatus.New));
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        Assert.Equal(6, await context.Articles.CountAsync(Cancellation));
        var slugs = await context.Actors.Select(a => a.Slug).ToListAsync(Cancellation);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.False(await context.Events.AnyAsync(e => !e.Evidence.Any(), Cancellation));
    }

    [Fact]
    public async Task The_same_text_under_two_names_on_two_machines_at_once_is_stored_once()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        var here = Path.Combine(db.Folder, "here");
        var there = Path.Combine(db.Folder, "there");
        Directory.CreateDirectory(here);
        Directory.CreateDirectory(there);
        File.WriteAllText(Path.Combine(here, "launch.txt"), GeneratedArticles.Text(1));
        File.WriteAllText(Path.Combine(there, "copy-of-launch.txt"), GeneratedArticles.Text(1));
        await using var first = Machine(db);
        await using var second = Machine(db);

        var both = await WhileHoldingTheWriteLockAsync(db, waiters: 2,
            () => first.GetRequiredService<ArticleImporter>().ImportFolderAsync(here, Cancellation),
            () => second.GetRequiredService<ArticleImporter>().ImportFolderAsync(there, Cancellation));

        var results = both.SelectMany(r => r).ToList();
        Assert.Single(results, r => r.Status == ImportStatus.New);
        var skipped = Assert.Single(results, r => r.Status == ImportStatus.Unchanged);
        Assert.Contains("same text", skipped.Warning, StringComparison.Ordinal);
        Assert.Equal(1, (await db.CountsAsync()).Articles);
    }

    [Fact]
    public async Task An_article_another_writer_commits_first_is_found_unchanged_after_the_unique_violation()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        var path = db.WriteArticle("launch.txt", GeneratedArticles.Text(2), """{"published": "2025-03-12"}""");
        var file = await ArticleFileReader.ReadAsync(path, "launch.txt", ArticleFileReader.DefaultMaxBytes, Cancellation);
        var logs = new LogSink();
        await using var machine = Machine(db, logs);

        // A writer that does not take the write lock (an older node, a hand-made script) inserts the same article and
        // commits only once the importer's own INSERT waits on the unique index.
        var result = await WhileHoldingAnUncommittedRowAsync(db,
            """
            INSERT INTO "Articles"("Source", "Title", "Outlet", "Url", "Published", "PublishedSource", "ContentHash", "Text", "ExtractorVersion", "ImportedAt")
            VALUES ('launch.txt', NULL, NULL, NULL, DATE '2025-03-12', 'given', @hash, @text, @version, now())
            """,
            command =>
            {
                command.Parameters.AddWithValue("hash", file.ContentHash);
                command.Parameters.AddWithValue("text", file.Text);
                command.Parameters.AddWithValue("version", ArticleExtractor.Version);
            },
            () => machine.GetRequiredService<ArticleImporter>().ImportFileAsync(path, "launch.txt", Cancellation));

        Assert.Equal(ImportStatus.Unchanged, result.Status);
        Assert.Equal((1, 0), ((await db.CountsAsync()).Articles, (await db.CountsAsync()).Events));
        Assert.Contains(logs.Messages, m => m.Contains("23505", StringComparison.Ordinal) && m.Contains("launch.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_actor_another_writer_commits_first_is_used_after_the_unique_violation()
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        var path = db.WriteArticle("launch.txt", GeneratedArticles.Text(3), """{"published": "2025-03-12"}""");
        await using var machine = Machine(db);

        var result = await WhileHoldingAnUncommittedRowAsync(db,
            """INSERT INTO "Actors"("Slug", "Name", "Kind") VALUES ('north-korea', 'North Korea', 'country')""",
            _ => { },
            () => machine.GetRequiredService<ArticleImporter>().ImportFileAsync(path, "launch.txt", Cancellation));

        Assert.Equal(ImportStatus.New, result.Status);
        await using var context = await db.Contexts.CreateDbContextAsync(Cancellation);
        var northKorea = await context.Actors.Where(a => a.Slug == "north-korea").Select(a => new { a.Id, Events = a.Events.Count })
            .SingleAsync(Cancellation);
        Assert.True(northKorea.Events > 0);
    }

    [Theory]
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    public async Task A_serialization_failure_or_deadlock_is_tried_again(string sqlState)
    {
        await using var db = await TemporaryDatabase.CreateAsync(DatabaseProvider.Postgres);
        var path = db.WriteArticle("launch.txt", GeneratedArticles.Text(4), """{"published": "2025-03-12"}""");
        // The first article INSERT fails the way PostgreSQL fails a transaction it cannot serialize; a sequence counts
        // the attempts, since it is not rolled back with them.
        await ExecuteAsync(db, $"""
            CREATE SEQUENCE attempts;
            CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('attempts') = 1 THEN
                    RAISE EXCEPTION 'injected by the test' USING ERRCODE = '{sqlState}';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER fail_once BEFORE INSERT ON "Articles" FOR EACH ROW EXECUTE FUNCTION fail_once();
            """);
        var logs = new LogSink();
        await using var machine = Machine(db, logs);

        var result = await machine.GetRequiredService<ArticleImporter>().ImportFileAsync(path, "launch.txt", Cancellation);

        Assert.Equal(ImportStatus.New, result.Status);
        Assert.Equal(1, (await db.CountsAsync()).Articles);
        Assert.Contains(logs.Messages, m => m.Contains(sqlState, StringComparison.Ordinal) && m.Contains("attempt 1", StringComparison.Ordinal));
    }

    // A second machine: its own services and connection pool on the same database.
    private static ServiceProvider Machine(TemporaryDatabase db, LogSink? logs = null) =>
        new ServiceCollection()
            .AddLogging(b => { if (logs is not null) { b.AddProvider(logs); } })
            .AddTimelineData(db.ConnectionString, provider: DatabaseProvider.Postgres)
            .AddSingleton(new ArticleImportOptions())
            .BuildServiceProvider();

    /// <summary>Starts the imports while this test holds the write lock, lets it go once <paramref name="waiters"/> of them wait for it.</summary>
    private static async Task<T[]> WhileHoldingTheWriteLockAsync<T>(TemporaryDatabase db, int waiters, params Func<Task<T>>[] imports)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(Cancellation);
        var transaction = await connection.BeginTransactionAsync(Cancellation);
        await using (var take = new NpgsqlCommand(TakeWriteLock, connection, transaction))
        {
            await take.ExecuteNonQueryAsync(Cancellation);
        }
        var running = imports.Select(import => Task.Run(import, Cancellation)).ToArray();
        await WaitUntilAsync(connection, "SELECT count(*) FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))", waiters, running);
        await transaction.CommitAsync(Cancellation);
        return await Task.WhenAll(running);
    }

    /// <summary>Inserts a row in an open transaction, starts the import, and commits once the import waits on that row.</summary>
    private static async Task<T> WhileHoldingAnUncommittedRowAsync<T>(TemporaryDatabase db, string insert, Action<NpgsqlCommand> parameters, Func<Task<T>> import)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(Cancellation);
        var transaction = await connection.BeginTransactionAsync(Cancellation);
        await using (var command = new NpgsqlCommand(insert, connection, transaction))
        {
            parameters(command);
            await command.ExecuteNonQueryAsync(Cancellation);
        }
        var running = Task.Run(import, Cancellation);
        // The importer's INSERT waits for this transaction's outcome on the unique index (pg_locks is read live; pg_stat_activity
        // would be read once per transaction).
        await WaitUntilAsync(connection, "SELECT count(*) FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))", 1, [running]);
        await transaction.CommitAsync(Cancellation);
        return await running;
    }

    private static async Task WaitUntilAsync(NpgsqlConnection connection, string countSql, int expected, Task[] running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var command = new NpgsqlCommand(countSql, connection);
            if (Convert.ToInt32(await command.ExecuteScalarAsync(Cancellation), System.Globalization.CultureInfo.InvariantCulture) >= expected)
            {
                return;
            }
            if (running.FirstOrDefault(t => t.IsCompleted) is { } done)
            {
                await done; // Its exception, if any, says more than a timeout.
                Assert.Fail("an import ended before it waited for the test's lock");
            }
            Assert.True(DateTime.UtcNow < deadline, "the imports did not reach the write in time");
            await Task.Delay(20, Cancellation);
        }
    }

    private static async Task ExecuteAsync(TemporaryDatabase db, string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    /// <summary>The formatted log messages of one machine.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> messages = new();

        public IReadOnlyCollection<string> Messages => messages;

        public ILogger CreateLogger(string categoryName) => new Logger(messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
