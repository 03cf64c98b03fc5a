using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matters_status_unit_id",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "ix_matters_unit_id",
                table: "matters");

            migrationBuilder.AddColumn<string>(
                name: "next_due_code",
                table: "matters",
                type: "character varying(48)",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_due_on",
                table: "matters",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "next_due_provisional",
                table: "matters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing matters get their next due date from their deadlines: the rule of Matter.RefreshNextDue.
            migrationBuilder.Sql("""
                UPDATE matters SET
                  next_due_on = COALESCE((SELECT MIN(d.due_on) FROM deadline d WHERE d.matter_id = matters.id AND d.state = 'Open' AND d.is_duty = TRUE), DATE '9999-12-31'),
                  next_due_code = (SELECT d.code FROM deadline d WHERE d.matter_id = matters.id AND d.state = 'Open' AND d.is_duty = TRUE
                                   ORDER BY d.due_on, d.code LIMIT 1),
                  next_due_provisional = COALESCE((SELECT d.provisional FROM deadline d WHERE d.matter_id = matters.id AND d.state = 'Open' AND d.is_duty = TRUE
                                   ORDER BY d.due_on, d.code LIMIT 1), FALSE);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_matters_next_due_on_received_on_number",
                table: "matters",
                columns: new[] { "next_due_on", "received_on", "number" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_matters_status_next_due_on_received_on_number",
                table: "matters",
                columns: new[] { "status", "next_due_on", "received_on", "number" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_matters_unit_id_status_next_due_on",
                table: "matters",
                columns: new[] { "unit_id", "status", "next_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matters_next_due_on_received_on_number",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "ix_matters_status_next_due_on_received_on_number",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "ix_matters_unit_id_status_next_due_on",
                table: "matters");

            migrationBuilder.DropIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "next_due_code",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "next_due_on",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "next_due_provisional",
                table: "matters");

            migrationBuilder.CreateIndex(
                name: "ix_matters_status_unit_id",
                table: "matters",
                columns: new[] { "status", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_matters_unit_id",
                table: "matters",
                column: "unit_id");
        }
    }
}
