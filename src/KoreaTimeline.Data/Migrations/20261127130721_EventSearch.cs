using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Migrations
{
    /// <summary>
    /// The full-text index of the timeline: an FTS5 table <c>EventSearch</c> with one row per event
    /// (rowid = event id) holding its title, quotes, actor names and place, kept right by triggers on every
    /// table that feeds it, so inserts, deletes and re-imports through EF need no extra code.
    /// </summary>
    public partial class EventSearch : Migration
    {
        // Rewrites the rows of the events selected by {0} (a SQL expression yielding event ids): delete, then
        // insert from the current data. An event that no longer exists simply gets no row.
        private const string Refresh = """
            DELETE FROM EventSearch WHERE rowid IN ({0});
            INSERT INTO EventSearch(rowid, Title, Quotes, Actors, Place)
            SELECT e.Id, e.Title,
                COALESCE((SELECT group_concat(v.Text, ' … ') FROM Evidence v WHERE v.EventId = e.Id), ''),
                COALESCE((SELECT group_concat(a.Name, ', ') FROM EventActors ea JOIN Actors a ON a.Id = ea.ActorId WHERE ea.EventId = e.Id), ''),
                COALESCE(e.Location, '')
            FROM Events e WHERE e.Id IN ({0});
            """;

        private static readonly (string Name, string On, string Body)[] Triggers =
        [
            ("EventSearch_Events_Insert", "AFTER INSERT ON Events", string.Format(Refresh, "NEW.Id")),
            ("EventSearch_Events_Update", "AFTER UPDATE OF Title, Location ON Events", string.Format(Refresh, "NEW.Id")),
            ("EventSearch_Events_Delete", "AFTER DELETE ON Events", "DELETE FROM EventSearch WHERE rowid = OLD.Id;"),
            ("EventSearch_Evidence_Insert", "AFTER INSERT ON Evidence", string.Format(Refresh, "NEW.EventId")),
            ("EventSearch_Evidence_Update", "AFTER UPDATE OF Text, EventId ON Evidence", string.Format(Refresh, "OLD.EventId, NEW.EventId")),
            ("EventSearch_Evidence_Delete", "AFTER DELETE ON Evidence", string.Format(Refresh, "OLD.EventId")),
            ("EventSearch_EventActors_Insert", "AFTER INSERT ON EventActors", string.Format(Refresh, "NEW.EventId")),
            ("EventSearch_EventActors_Delete", "AFTER DELETE ON EventActors", string.Format(Refresh, "OLD.EventId")),
            ("EventSearch_Actors_Update", "AFTER UPDATE OF Name ON Actors", string.Format(Refresh, "SELECT EventId FROM EventActors WHERE ActorId = NEW.Id")),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Prefix indexes make "word*" queries cheap; remove_diacritics lets "seoul" find "Séoul".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE EventSearch USING fts5(
                    Title, Quotes, Actors, Place,
                    tokenize = 'unicode61 remove_diacritics 2',
                    prefix = '2 3');
                """);
            foreach (var (name, on, body) in Triggers)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {name} {on} BEGIN\n{body}\nEND;");
            }
            migrationBuilder.Sql(string.Format(Refresh, "SELECT Id FROM Events"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS EventSearch;");
        }
    }
}
