using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VersionsAndReconfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "StatementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditedTo",
                table: "StatementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RestoredFrom",
                table: "StatementVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedTextHash",
                table: "Signatures",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ConfirmedVersionNumber",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every signature so far agreed to the version it signed.
            migrationBuilder.Sql("UPDATE \"Signatures\" SET \"ConfirmedVersionNumber\" = \"VersionNumber\", \"ConfirmedTextHash\" = \"TextHash\";");

            migrationBuilder.AddColumn<long>(
                name: "ReconfirmationRequestedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReconfirmedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "StatementVersions");

            migrationBuilder.DropColumn(
                name: "CreditedTo",
                table: "StatementVersions");

            migrationBuilder.DropColumn(
                name: "RestoredFrom",
                table: "StatementVersions");

            migrationBuilder.DropColumn(
                name: "ConfirmedTextHash",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ConfirmedVersionNumber",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ReconfirmationRequestedAt",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ReconfirmedAt",
                table: "Signatures");
        }
    }
}
