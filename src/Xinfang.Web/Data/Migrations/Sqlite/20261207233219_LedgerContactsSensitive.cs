using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerContactsSensitive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
