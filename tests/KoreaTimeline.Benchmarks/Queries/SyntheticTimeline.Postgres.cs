using KoreaTimeline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace KoreaTimeline.Benchmarks.Queries;

/// <summary>The same synthetic timeline in a PostgreSQL database, loaded with binary COPY.</summary>
internal static partial class SyntheticTimeline
{
    /// <summary>
    /// The database <c>timeline_{N}</c> on the server of <paramref name="serverConnectionString"/> (any database of it),
    /// holding the events of <see cref="Rows"/>: built once (migrated like the app's, rows copied with their triggers
    /// set aside, the search table filled in one statement, then <c>VACUUM ANALYZE</c>), under a temporary name renamed
    /// when complete, so an interrupted build is never reused. Returns its connection string.
    /// </summary>
    public static async Task<string> EnsurePostgresAsync(string serverConnectionString, int events, TextWriter log)
    {
        var name = $"timeline_{events}";
        var building = name + "_building";
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            if (await ScalarAsync(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") > 0)
            {
                return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
            }
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{building}\"");
        }
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = building, CommandTimeout = 0 }.ConnectionString;
        var options = new DbContextOptionsBuilder<TimelineDbContext>();
        options.UseTimelineDatabase(DatabaseProvider.Postgres, target);
        await TimelineDatabase.InitializeAsync(new PooledDbContextFactory<TimelineDbContext>(options.Options));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync();
            await FillAsync(connection, events, log);
        }
        log.WriteLine($"Filled {building} with {events:N0} events in {clock.Elapsed.TotalSeconds:F0} s");
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task FillAsync(NpgsqlConnection connection, int count, TextWriter log)
    {
        // Row triggers (search index, data version) are set aside for the load, as on SQLite; the search rows are
        // written once at the end, in one statement.
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        await ExecuteAsync(connection, """
            INSERT INTO "Articles"("Id", "Source", "Title", "Outlet", "Published", "PublishedSource", "ContentHash", "Text", "ExtractorVersion", "ImportedAt")
            VALUES (1, 'synthetic', 'Synthetic', 'Bench Wire', DATE '2026-01-01', 'given', 'x', 'synthetic', 'bench', TIMESTAMPTZ '2026-01-01 00:00:00+00')
            """);
        for (var i = 0; i < Actors.Length; i++)
        {
            await using var actor = new NpgsqlCommand("""INSERT INTO "Actors"("Id", "Slug", "Name", "Kind") VALUES (@id, @slug, @name, 'country')""", connection);
            actor.Parameters.AddWithValue("id", i + 1);
            actor.Parameters.AddWithValue("slug", Slugs.From(Actors[i]));
            actor.Parameters.AddWithValue("name", Actors[i]);
            await actor.ExecuteNonQueryAsync();
        }

        // Three COPY streams cannot be open on one connection at once: events first, then links and quotes.
        await using (var events = await connection.BeginBinaryImportAsync(
            """COPY "Events"("Id", "Title", "Slug", "Type", "Start", "End", "Precision", "Timex", "DateText", "Location", "Confidence") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in Rows(count))
            {
                await events.StartRowAsync();
                await events.WriteAsync(row.Id, NpgsqlDbType.Integer);
                await events.WriteAsync(row.Title, NpgsqlDbType.Varchar);
                await events.WriteAsync(row.Slug.Length > 120 ? row.Slug[..120] : row.Slug, NpgsqlDbType.Varchar);
                await events.WriteAsync(row.Type, NpgsqlDbType.Varchar);
                await events.WriteAsync(row.Start, NpgsqlDbType.Date);
                await events.WriteAsync(row.End, NpgsqlDbType.Date);
                await events.WriteAsync(row.Precision, NpgsqlDbType.Varchar);
                await events.WriteNullAsync();
                await WriteTextAsync(events, row.DateText);
                await WriteTextAsync(events, row.Place);
                await events.WriteAsync(0.8, NpgsqlDbType.Double);
            }
            await events.CompleteAsync();
        }
        log.WriteLine("  events copied");
        await using (var links = await connection.BeginBinaryImportAsync("""COPY "EventActors"("EventId", "ActorId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in Rows(count))
            {
                foreach (var actor in row.Actors)
                {
                    await links.StartRowAsync();
                    await links.WriteAsync(row.Id, NpgsqlDbType.Integer);
                    await links.WriteAsync(actor + 1, NpgsqlDbType.Integer);
                }
            }
            await links.CompleteAsync();
        }
        await using (var quotes = await connection.BeginBinaryImportAsync(
            """COPY "Evidence"("EventId", "ArticleId", "Start", "End", "Text") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in Rows(count))
            {
                await quotes.StartRowAsync();
                await quotes.WriteAsync(row.Id, NpgsqlDbType.Integer);
                await quotes.WriteAsync(1, NpgsqlDbType.Integer);
                await quotes.WriteAsync(0, NpgsqlDbType.Integer);
                await quotes.WriteAsync(9, NpgsqlDbType.Integer);
                await quotes.WriteAsync(row.Quote, NpgsqlDbType.Text);
            }
            await quotes.CompleteAsync();
        }
        log.WriteLine("  actor links and quotes copied");
        await ExecuteAsync(connection, """
            INSERT INTO "EventSearch" ("EventId", "Title", "Quotes", "Actors", "Place")
            SELECT e."Id", e."Title", COALESCE(q.quotes, ''), COALESCE(a.names, ''), COALESCE(e."Location", '')
            FROM "Events" e
            LEFT JOIN (SELECT "EventId", string_agg("Text", ' … ' ORDER BY "Id") AS quotes FROM "Evidence" GROUP BY "EventId") q ON q."EventId" = e."Id"
            LEFT JOIN (SELECT ea."EventId", string_agg(x."Name", ', ' ORDER BY x."Id") AS names
                       FROM "EventActors" ea JOIN "Actors" x ON x."Id" = ea."ActorId" GROUP BY ea."EventId") a ON a."EventId" = e."Id"
            """);
        log.WriteLine("  search rows written");
        await ExecuteAsync(connection, "SET session_replication_role = DEFAULT");
        foreach (var table in new[] { "Articles", "Actors", "Events", "Evidence" })
        {
            await ExecuteAsync(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT max("Id") FROM "{table}"))""");
        }
        await ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
