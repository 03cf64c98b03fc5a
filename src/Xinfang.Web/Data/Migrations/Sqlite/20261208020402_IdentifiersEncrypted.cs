using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentifiersEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitioner_id_number",
                table: "petitioner");

            migrationBuilder.DropIndex(
                name: "ix_petitioner_phone",
                table: "petitioner");

            migrationBuilder.AddColumn<string>(
                name: "address_hash",
                table: "petitioner",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_petitioner_address_hash",
                table: "petitioner",
                column: "address_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_petitioner_address_hash",
                table: "petitioner");

            migrationBuilder.DropColumn(
                name: "address_hash",
                table: "petitioner");

            migrationBuilder.CreateIndex(
                name: "ix_petitioner_id_number",
                table: "petitioner",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_petitioner_phone",
                table: "petitioner",
                column: "phone");
        }
    }
}
