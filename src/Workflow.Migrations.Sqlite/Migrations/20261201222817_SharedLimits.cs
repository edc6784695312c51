using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LimitCounters",
                columns: table => new
                {
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartitionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hits = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LimitCounters", x => new { x.Rule, x.PartitionHash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LimitCounters_ExpiresAt",
                table: "LimitCounters",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LimitCounters");
        }
    }
}
