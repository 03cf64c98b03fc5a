using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RepeatCheckIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_matters_category_code_location_unit_id_received_on",
                table: "matters",
                columns: new[] { "category_code", "location_unit_id", "received_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_matters_category_code_location_unit_id_received_on",
                table: "matters");
        }
    }
}
