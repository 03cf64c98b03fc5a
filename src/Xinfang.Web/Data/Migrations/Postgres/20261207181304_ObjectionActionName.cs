using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ObjectionActionName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The action 退回异议 was renamed from Object to Objection (one name for the table, the command and the
            // decision); history rows keep the name of their action.
            migrationBuilder.Sql("UPDATE matter_event SET action = 'Objection' WHERE action = 'Object'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE matter_event SET action = 'Object' WHERE action = 'Objection'");
        }
    }
}
