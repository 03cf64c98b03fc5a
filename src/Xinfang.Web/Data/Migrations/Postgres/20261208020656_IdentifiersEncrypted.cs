using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "petitioner",
                type: "character varying(188)",
                maxLength: 188,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "petitioner",
                type: "character varying(132)",
                maxLength: 132,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "address",
                table: "petitioner",
                type: "character varying(860)",
                maxLength: 860,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_hash",
                table: "petitioner",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "ledger_items",
                type: "character varying(188)",
                maxLength: 188,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_id_number",
                table: "ledger_items",
                type: "character varying(132)",
                maxLength: 132,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "petitioner",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(188)",
                oldMaxLength: 188,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "id_number",
                table: "petitioner",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(132)",
                oldMaxLength: 132,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "address",
                table: "petitioner",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(860)",
                oldMaxLength: 860,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_phone",
                table: "ledger_items",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(188)",
                oldMaxLength: 188,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "contact_id_number",
                table: "ledger_items",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(132)",
                oldMaxLength: 132,
                oldNullable: true);

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
