using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Articles whose text an earlier article already holds (imports that raced before this index existed) go, with
            // their evidence; an event that only they stated goes too. The backup taken before migrating keeps them.
            migrationBuilder.Sql("""
                DELETE FROM "Events" WHERE "Id" IN (
                    SELECT v."EventId" FROM "Evidence" v JOIN "Articles" a ON a."Id" = v."ArticleId"
                    WHERE EXISTS (SELECT 1 FROM "Articles" b WHERE b."ContentHash" = a."ContentHash" AND b."Id" < a."Id"))
                AND NOT EXISTS (
                    SELECT 1 FROM "Evidence" w JOIN "Articles" c ON c."Id" = w."ArticleId"
                    WHERE w."EventId" = "Events"."Id"
                    AND NOT EXISTS (SELECT 1 FROM "Articles" b WHERE b."ContentHash" = c."ContentHash" AND b."Id" < c."Id"));
                """);
            migrationBuilder.Sql("""
                DELETE FROM "Articles"
                WHERE EXISTS (SELECT 1 FROM "Articles" b WHERE b."ContentHash" = "Articles"."ContentHash" AND b."Id" < "Articles"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_Articles_ContentHash",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ContentHash",
                table: "Articles",
                column: "ContentHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ContentHash",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ContentHash",
                table: "Articles",
                column: "ContentHash");
        }
    }
}
