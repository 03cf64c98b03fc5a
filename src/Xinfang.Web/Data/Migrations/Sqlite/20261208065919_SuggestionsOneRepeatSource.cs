using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SuggestionsOneRepeatSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "repeats_after_conclusion",
                table: "matters");

            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    target_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_ids = table.Column<string>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sent_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    feedback_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    adopted = table.Column<bool>(type: "INTEGER", nullable: true),
                    feedback_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    feedback_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    feedback_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_suggestions_notice_notice_id",
                        column: x => x.notice_id,
                        principalTable: "notice",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_notice_id",
                table: "suggestions",
                column: "notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_sent_on",
                table: "suggestions",
                column: "sent_on");

            migrationBuilder.CreateIndex(
                name: "ix_suggestions_target_unit_id_sent_on",
                table: "suggestions",
                columns: new[] { "target_unit_id", "sent_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestions");

            migrationBuilder.AddColumn<bool>(
                name: "repeats_after_conclusion",
                table: "matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
