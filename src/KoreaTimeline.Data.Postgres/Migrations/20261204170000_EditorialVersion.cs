using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Postgres.Migrations
{
    /// <summary>
    /// Editors' notes, corrections and history (<c>EventCorrections</c>, <c>AuditEntries</c>) move the
    /// <c>TimelineVersion</c> counter and signal <c>timeline_changes</c> like the extracted tables (the DataVersion
    /// migration): an event page shows them, so a node that caches that page's HTML (the permalink cache) must hear of an
    /// edit made on any other node. SQLite needs nothing: <c>PRAGMA data_version</c> moves on any commit to the file.
    /// </summary>
    public partial class EditorialVersion : Migration
    {
        private static readonly string[] Tables = ["EventCorrections", "AuditEntries"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
