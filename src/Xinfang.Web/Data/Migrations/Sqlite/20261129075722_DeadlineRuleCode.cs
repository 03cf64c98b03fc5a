using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlineRuleCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rule_code",
                table: "deadline",
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "");

            // Deadlines opened before local rules were told apart were all measured by their statutory rule.
            migrationBuilder.Sql("UPDATE deadline SET rule_code = code;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rule_code",
                table: "deadline");
        }
    }
}
