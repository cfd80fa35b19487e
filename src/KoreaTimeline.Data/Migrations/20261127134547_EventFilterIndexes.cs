using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_Type",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_End_Start",
                table: "Events",
                columns: new[] { "End", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_End_Start",
                table: "Events",
                columns: new[] { "Type", "End", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_End_Start",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Type_End_Start",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type",
                table: "Events",
                column: "Type");
        }
    }
}
