using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_StatementId_OrganisationId",
                table: "Signatures");

            migrationBuilder.AddColumn<string>(
                name: "AcronymKey",
                table: "Organisations",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ConcurrencyStamp",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmails",
                table: "Organisations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Organisations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FormerNameKeys",
                table: "Organisations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "MergedAt",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedBy",
                table: "Organisations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebDomain",
                table: "Organisations",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Organisations",
                type: "TEXT",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "StatementId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_StatementId_OrganisationId",
                table: "Signatures",
                columns: new[] { "StatementId", "OrganisationId" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_AcronymKey_Country",
                table: "Organisations",
                columns: new[] { "AcronymKey", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_MergedIntoId",
                table: "Organisations",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_WebDomain",
                table: "Organisations",
                column: "WebDomain");

            migrationBuilder.AddForeignKey(
                name: "FK_Organisations_Organisations_MergedIntoId",
                table: "Organisations",
                column: "MergedIntoId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organisations_Organisations_MergedIntoId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_StatementId_OrganisationId",
                table: "Signatures");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_AcronymKey_Country",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_MergedIntoId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_WebDomain",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AcronymKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ContactEmails",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "FormerNameKeys",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MergedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MergedBy",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "WebDomain",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Organisations");

            migrationBuilder.AlterColumn<Guid>(
                name: "StatementId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_StatementId_OrganisationId",
                table: "Signatures",
                columns: new[] { "StatementId", "OrganisationId" },
                unique: true);
        }
    }
}
