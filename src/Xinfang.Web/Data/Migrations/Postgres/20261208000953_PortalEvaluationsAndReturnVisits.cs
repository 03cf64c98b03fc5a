using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalEvaluationsAndReturnVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "on_behalf",
                table: "matter_evaluations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "stage",
                table: "matter_evaluations",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "return_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    rated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    problem_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    done_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_visits_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_return_visits_matter_id",
                table: "return_visits",
                column: "matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_visits_unit_id_done_on_due_on",
                table: "return_visits",
                columns: new[] { "unit_id", "done_on", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "return_visits");

            migrationBuilder.DropColumn(
                name: "on_behalf",
                table: "matter_evaluations");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "matter_evaluations");
        }
    }
}
