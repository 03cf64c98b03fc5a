using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "phone_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    called_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    callee = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phone_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_phone_reminders_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    matter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    overdue_working_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_letters", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_letters_deadline_deadline_id",
                        column: x => x.deadline_id,
                        principalTable: "deadline",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_supervision_letters_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_phone_reminders_matter_id_called_at",
                table: "phone_reminders",
                columns: new[] { "matter_id", "called_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_letters_deadline_id",
                table: "supervision_letters",
                column: "deadline_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_letters_issued_on",
                table: "supervision_letters",
                column: "issued_on");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_letters_matter_id_deadline_id_kind_level",
                table: "supervision_letters",
                columns: new[] { "matter_id", "deadline_id", "kind", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_letters_unit_id_issued_on",
                table: "supervision_letters",
                columns: new[] { "unit_id", "issued_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "phone_reminders");

            migrationBuilder.DropTable(
                name: "supervision_letters");
        }
    }
}
