using System.Globalization;
using KoreaTimeline.Data;
using KoreaTimeline.Extraction.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KoreaTimeline.Benchmarks.Queries;

/// <summary>
/// A SQLite file with many invented but realistic events: 20 actors with Zipf-like frequencies (1 to 3 per event),
/// 15 types with skewed frequencies, dates from 1950 to 2026 with more in recent years, titles and quotes from
/// templates over a small vocabulary. Built once and cached in the temp folder (same seed, same file).
/// </summary>
internal static partial class SyntheticTimeline
{
    public static readonly string[] Actors =
    [
        "North Korea", "United States", "South Korea", "Kim Jong-un", "China", "Japan", "Donald Trump", "Russia",
        "United Nations", "Moon Jae-in", "Yoon Suk Yeol", "Korean People's Army", "US Forces Korea", "Joe Biden",
        "Xi Jinping", "Vladimir Putin", "IAEA", "Kim Yo-jong", "Shinzo Abe", "USS Carl Vinson",
    ];

    private static readonly string[] Places =
        ["Pyongyang", "Seoul", "Panmunjom", "Busan", "Wonsan", "Yongbyon", "Sea of Japan", "Yellow Sea", "Tokyo", "Beijing", "Singapore", "Hanoi"];

    private static readonly string[] Verbs = ["launches", "announces", "holds", "rejects", "proposes", "condemns", "deploys", "tests", "signs", "warns about"];

    private static readonly string[] Objects =
        ["a ballistic missile", "joint drills", "new sanctions", "talks on denuclearization", "a cruise missile", "a carrier group",
         "an underground nuclear test", "a peace proposal", "a summit", "an aid package", "troop rotations", "a satellite launch"];

    private static readonly string[] Fillers =
        ["officials said", "according to state media", "the ministry confirmed", "analysts noted", "the report added",
         "in a statement", "early on Monday", "despite warnings", "for the first time in years", "near the border"];

    public static string EnsureDatabase(int events)
    {
        var path = Path.Combine(Path.GetTempPath(), $"koreatimeline-bench-{events}-v4.db");
        if (File.Exists(path))
        {
            return path;
        }
        var building = path + ".building";
        File.Delete(building);
        var options = new DbContextOptionsBuilder<TimelineDbContext>().UseSqlite($"Data Source={building}").Options;
        var factory = new PooledDbContextFactory<TimelineDbContext>(options);
        TimelineDatabase.InitializeAsync(factory).GetAwaiter().GetResult();
        Fill(building, events);
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    private static void Fill(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        // The search triggers rewrite an event's FTS row on every insert that feeds it (three or more per event):
        // they are set aside while filling and the index is built once at the end, as the migration does.
        var triggers = new List<(string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'EventSearch_%'";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in triggers)
        {
            Execute(connection, $"DROP TRIGGER {name}");
        }
        Execute(connection, "INSERT INTO Articles(Id, Source, Title, Outlet, Published, PublishedSource, ContentHash, Text, ExtractorVersion, ImportedAt) " +
            "VALUES (1, 'synthetic', 'Synthetic', 'Bench Wire', '2026-01-01', 'given', 'x', 'synthetic', 'bench', '2026-01-01 00:00:00+00:00')");
        for (var i = 0; i < Actors.Length; i++)
        {
            Execute(connection, $"INSERT INTO Actors(Id, Slug, Name, Kind) VALUES ({i + 1}, '{Slugs.From(Actors[i])}', '{Actors[i].Replace("'", "''", StringComparison.Ordinal)}', 'country')");
        }

        using var insertEvent = Prepare(connection,
            "INSERT INTO Events(Id, Title, Slug, Type, Start, End, Precision, Timex, DateText, Location, Confidence) VALUES ($id, $title, $slug, $type, $start, $end, $precision, NULL, $dateText, $location, 0.8)",
            "$id", "$title", "$slug", "$type", "$start", "$end", "$precision", "$dateText", "$location");
        using var insertActor = Prepare(connection, "INSERT INTO EventActors(EventId, ActorId) VALUES ($event, $actor)", "$event", "$actor");
        using var insertEvidence = Prepare(connection,
            "INSERT INTO Evidence(EventId, ArticleId, Start, End, Text) VALUES ($event, 1, 0, 9, $text)", "$event", "$text");

        foreach (var row in Rows(count))
        {
            Run(insertEvent, row.Id, row.Title, row.Slug, row.Type, Iso(row.Start), Iso(row.End), row.Precision, row.DateText, row.Place);
            foreach (var actor in row.Actors)
            {
                Run(insertActor, row.Id, actor + 1);
            }
            Run(insertEvidence, row.Id, row.Quote);
        }
        Execute(connection, """
            INSERT INTO EventSearch(rowid, Title, Quotes, Actors, Place)
            SELECT e.Id, e.Title,
                COALESCE((SELECT group_concat(v.Text, ' … ') FROM Evidence v WHERE v.EventId = e.Id), ''),
                COALESCE((SELECT group_concat(a.Name, ', ') FROM EventActors ea JOIN Actors a ON a.Id = ea.ActorId WHERE ea.EventId = e.Id), ''),
                COALESCE(e.Location, '')
            FROM Events e
            """);
        foreach (var (_, sql) in triggers)
        {
            Execute(connection, sql);
        }
        transaction.Commit();
        Execute(connection, "INSERT INTO EventSearch(EventSearch) VALUES ('optimize')");
        Execute(connection, "ANALYZE");
    }

    /// <summary>One synthetic event: its row, the indexes of its actors in <see cref="Actors"/> and its one quote.</summary>
    internal sealed record Row(
        int Id, string Title, string Slug, string Type, DateOnly Start, DateOnly End, string Precision, string? DateText, string? Place,
        IReadOnlyList<int> Actors, string Quote);

    /// <summary>The events of a timeline of <paramref name="count"/>, the same for the same count on every provider (seed 42).</summary>
    internal static IEnumerable<Row> Rows(int count)
    {
        var random = new Random(42);
        var actorWeights = Enumerable.Range(1, Actors.Length).Select(k => 1.0 / k).ToArray();
        var typeWeights = Enumerable.Range(1, EventTypes.All.Count).Select(k => 1.0 / Math.Sqrt(k)).ToArray();
        for (var id = 1; id <= count; id++)
        {
            var actors = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, actorWeights)).Distinct().ToList();
            var type = EventTypes.All[Pick(random, typeWeights)];
            // More news in recent years: the square root skews the years towards 2026.
            var start = new DateOnly(1950, 1, 1).AddDays((int)(Math.Sqrt(random.NextDouble()) * (new DateOnly(2026, 12, 31).DayNumber - new DateOnly(1950, 1, 1).DayNumber)));
            var (end, precision) = random.Next(10) switch
            {
                < 6 => (start, "day"),
                < 8 => (new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)), "month"),
                8 => (start.AddDays(random.Next(1, 6)), "range"),
                _ => (new DateOnly(start.Year, 12, 31), "year"),
            };
            var place = random.Next(3) == 0 ? null : Places[random.Next(Places.Length)];
            var title = $"{Actors[actors[0]]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}" + (place is null ? "" : $" near {place}");
            var quote = $"{Actors[actors[^1]]} {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}, {Fillers[random.Next(Fillers.Length)]}, {Fillers[random.Next(Fillers.Length)]}.";
            yield return new Row(id, title, Slugs.From(title), type.Id, start, end, precision, precision == "day" ? null : "around then", place, actors, quote);
        }
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
