using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Postgres.Migrations
{
    /// <summary>
    /// Whether the timeline changed, for every node at once (SQLite's <c>PRAGMA data_version</c> sees only one file):
    /// <c>TimelineVersion</c> holds one counter that a statement trigger bumps on every write to the tables the
    /// timeline reads, in the writing transaction, so a reader sees the new value exactly when it sees the new rows. The
    /// same trigger signals <c>timeline_changes</c>; PostgreSQL delivers it at commit, once per transaction, to every
    /// node listening (live updates of open pages across nodes).
    /// </summary>
    public partial class DataVersion : Migration
    {
        private static readonly string[] Tables = ["Events", "Evidence", "EventActors", "Actors", "Articles", "EventAliases"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "TimelineVersion" ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Value" bigint NOT NULL);
                INSERT INTO "TimelineVersion" ("Id", "Value") VALUES (1, 0);
                CREATE FUNCTION timeline_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "TimelineVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1;
                    PERFORM pg_notify('timeline_changes', '');
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TimelineVersion_{table}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION timeline_version_bump();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "TimelineVersion_{table}" ON "{table}";""");
            }
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS timeline_version_bump();
                DROP TABLE IF EXISTS "TimelineVersion";
                """);
        }
    }
}
