using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Xinfang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Prevention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    unit_ids = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_topics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_topics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "order_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    behaviour = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    staff_actions = table.Column<string>(type: "TEXT", nullable: false),
                    police_called = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_incidents_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    organiser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    units = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    persons = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prevention_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_round_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    zero = table.Column<bool>(type: "INTEGER", nullable: false),
                    item_ids = table.Column<string>(type: "TEXT", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_round_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_round_reports_ledger_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "ledger_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ledger_round_reports_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    location_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    people = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    contact_id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    risk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    responsible_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    responsible_person = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    leader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reporting_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updates = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_items_ledger_topic_topic_id",
                        column: x => x.topic_id,
                        principalTable: "ledger_topics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_items_units_location_unit_id",
                        column: x => x.location_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_items_units_reporting_unit_id",
                        column: x => x.reporting_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_items_units_responsible_unit_id",
                        column: x => x.responsible_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_item_matters",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    matter_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_item_matters", x => new { x.item_id, x.matter_id });
                    table.ForeignKey(
                        name: "fk_ledger_item_matters_ledger_items_item_id",
                        column: x => x.item_id,
                        principalTable: "ledger_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ledger_item_matters_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ledger_topics",
                columns: new[] { "id", "code", "is_active", "name", "sort_order" },
                values: new object[,]
                {
                    { new Guid("6c1a0000-0000-4000-8000-000000000001"), "heating", true, "冬季供暖", 10 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000002"), "wages", true, "欠薪", 20 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000003"), "land", true, "征地拆迁", 30 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000004"), "property", true, "物业", 40 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000005"), "housing", true, "房屋质量", 50 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000006"), "environment", true, "环境污染", 60 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000007"), "neighbours", true, "邻里纠纷", 70 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000008"), "family", true, "婚姻家庭", 80 },
                    { new Guid("6c1a0000-0000-4000-8000-000000000009"), "other", true, "其他", 90 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_item_matters_matter_id",
                table: "ledger_item_matters",
                column: "matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_closed_on",
                table: "ledger_items",
                column: "closed_on");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_location_unit_id",
                table: "ledger_items",
                column: "location_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_reported_on_topic_id_responsible_unit_id_risk_status_closed_on",
                table: "ledger_items",
                columns: new[] { "reported_on", "topic_id", "responsible_unit_id", "risk", "status", "closed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_reporting_unit_id_reported_on",
                table: "ledger_items",
                columns: new[] { "reporting_unit_id", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_responsible_unit_id_reported_on",
                table: "ledger_items",
                columns: new[] { "responsible_unit_id", "reported_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_topic_id",
                table: "ledger_items",
                column: "topic_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_round_reports_round_id_unit_id",
                table: "ledger_round_reports",
                columns: new[] { "round_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_round_reports_unit_id",
                table: "ledger_round_reports",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_topics_code",
                table: "ledger_topics",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_topics_name",
                table: "ledger_topics",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_incidents_at",
                table: "order_incidents",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_order_incidents_matter_id",
                table: "order_incidents",
                column: "matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_prevention_activities_kind_on",
                table: "prevention_activities",
                columns: new[] { "kind", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_item_matters");

            migrationBuilder.DropTable(
                name: "ledger_round_reports");

            migrationBuilder.DropTable(
                name: "order_incidents");

            migrationBuilder.DropTable(
                name: "prevention_activities");

            migrationBuilder.DropTable(
                name: "ledger_items");

            migrationBuilder.DropTable(
                name: "ledger_rounds");

            migrationBuilder.DropTable(
                name: "ledger_topics");
        }
    }
}
