using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RepeatLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "repeat_count",
                table: "matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "repeats_after_conclusion",
                table: "matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "repeat_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    earlier_matter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    reasons = table.Column<string>(type: "TEXT", nullable: false),
                    after_conclusion = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repeat_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_repeat_links_matters_earlier_matter_id",
                        column: x => x.earlier_matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_repeat_links_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_repeat_links_earlier_matter_id",
                table: "repeat_links",
                column: "earlier_matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_repeat_links_matter_id_earlier_matter_id",
                table: "repeat_links",
                columns: new[] { "matter_id", "earlier_matter_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "repeat_links");

            migrationBuilder.DropColumn(
                name: "repeat_count",
                table: "matters");

            migrationBuilder.DropColumn(
                name: "repeats_after_conclusion",
                table: "matters");
        }
    }
}
