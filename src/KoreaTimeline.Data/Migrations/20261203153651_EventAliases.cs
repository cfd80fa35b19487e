using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventAliases",
                columns: table => new
                {
                    OldId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventAliases", x => x.OldId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventAliases_EventId",
                table: "EventAliases",
                column: "EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventAliases");
        }
    }
}
