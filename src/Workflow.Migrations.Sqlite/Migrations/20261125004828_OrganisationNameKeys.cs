using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameEnglishKey",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameEnglishKey",
                table: "Organisations",
                column: "NameEnglishKey");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameKey",
                table: "Organisations",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameEnglishKey",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameEnglishKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Organisations");
        }
    }
}
