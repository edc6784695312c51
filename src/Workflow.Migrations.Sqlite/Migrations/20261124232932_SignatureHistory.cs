using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignatureHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConcurrencyStamp",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DisplayAcronym",
                table: "Signatures",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "Signatures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayNameEnglish",
                table: "Signatures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndNote",
                table: "Signatures",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "Signatures",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvalidationReason",
                table: "Signatures",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Signatures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Active"); // every signature recorded before this migration is on the list
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "DisplayAcronym",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "DisplayNameEnglish",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "EndNote",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "InvalidationReason",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Signatures");
        }
    }
}
