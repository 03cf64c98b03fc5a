using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "id_number_hash",
                table: "petitioner",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_hash",
                table: "petitioner",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "matter_terms",
                columns: table => new
                {
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    field = table.Column<short>(type: "INTEGER", nullable: false),
                    term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matter_terms", x => new { x.term, x.field, x.matter_id });
                    table.ForeignKey(
                        name: "fk_matter_terms_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_petitioner_id_number_hash",
                table: "petitioner",
                column: "id_number_hash");

            migrationBuilder.CreateIndex(
                name: "ix_petitioner_phone_hash",
                table: "petitioner",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_matter_terms_matter_id",
                table: "matter_terms",
                column: "matter_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matter_terms");

            migrationBuilder.DropIndex(
                name: "ix_petitioner_id_number_hash",
                table: "petitioner");

            migrationBuilder.DropIndex(
                name: "ix_petitioner_phone_hash",
                table: "petitioner");

            migrationBuilder.DropColumn(
                name: "id_number_hash",
                table: "petitioner");

            migrationBuilder.DropColumn(
                name: "phone_hash",
                table: "petitioner");
        }
    }
}
