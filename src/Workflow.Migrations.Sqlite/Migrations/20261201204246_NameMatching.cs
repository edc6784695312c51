using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NameMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedAcronym",
                table: "Signatures",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedName",
                table: "Signatures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedNameEnglish",
                table: "Signatures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcronymSkeleton",
                table: "Organisations",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "KeysVersion",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NameEnglishSkeleton",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameSkeleton",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_AcronymSkeleton_Country",
                table: "Organisations",
                columns: new[] { "AcronymSkeleton", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_KeysVersion",
                table: "Organisations",
                column: "KeysVersion");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameEnglishSkeleton",
                table: "Organisations",
                column: "NameEnglishSkeleton");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NameSkeleton",
                table: "Organisations",
                column: "NameSkeleton");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_AcronymSkeleton_Country",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_KeysVersion",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameEnglishSkeleton",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_NameSkeleton",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "InvitedAcronym",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "InvitedName",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "InvitedNameEnglish",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "AcronymSkeleton",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "KeysVersion",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameEnglishSkeleton",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameSkeleton",
                table: "Organisations");
        }
    }
}
