using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_notice_issued_on_kind",
                table: "notice",
                columns: new[] { "issued_on", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_matter_event_action_on",
                table: "matter_event",
                columns: new[] { "action", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_code_due_on",
                table: "deadline",
                columns: new[] { "code", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notice_issued_on_kind",
                table: "notice");

            migrationBuilder.DropIndex(
                name: "ix_matter_event_action_on",
                table: "matter_event");

            migrationBuilder.DropIndex(
                name: "ix_deadline_code_due_on",
                table: "deadline");
        }
    }
}
