using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerAnalysisIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_closed_on",
                table: "ledger_items");

            migrationBuilder.DropIndex(
                name: "ix_ledger_items_topic_id",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_closed_on_reported_on",
                table: "ledger_items",
                columns: new[] { "closed_on", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_risk_reported_on",
                table: "ledger_items",
                columns: new[] { "risk", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_status_closed_on",
                table: "ledger_items",
                columns: new[] { "status", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_topic_id_reported_on",
                table: "ledger_items",
                columns: new[] { "topic_id", "reported_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_closed_on_reported_on",
                table: "ledger_items");

            migrationBuilder.DropIndex(
                name: "ix_ledger_items_risk_reported_on",
                table: "ledger_items");

            migrationBuilder.DropIndex(
                name: "ix_ledger_items_status_closed_on",
                table: "ledger_items");

            migrationBuilder.DropIndex(
                name: "ix_ledger_items_topic_id_reported_on",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_closed_on",
                table: "ledger_items",
                column: "closed_on");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_topic_id",
                table: "ledger_items",
                column: "topic_id");
        }
    }
}
