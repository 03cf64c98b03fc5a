using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "corrects_id",
                table: "notice",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_corrects_id",
                table: "notice",
                column: "corrects_id");

            migrationBuilder.AddForeignKey(
                name: "fk_notice_notice_corrects_id",
                table: "notice",
                column: "corrects_id",
                principalTable: "notice",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notice_notice_corrects_id",
                table: "notice");

            migrationBuilder.DropIndex(
                name: "ix_notice_corrects_id",
                table: "notice");

            migrationBuilder.DropColumn(
                name: "corrects_id",
                table: "notice");
        }
    }
}
