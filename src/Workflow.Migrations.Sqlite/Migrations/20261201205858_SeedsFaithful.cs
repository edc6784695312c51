using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SeedsFaithful : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssuedBy",
                table: "Statements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Statements",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ListIsPartial",
                table: "Statements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ListNote",
                table: "Statements",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PublicationDate",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            // Statements published before: the date shown is the one they were published as of.
            migrationBuilder.Sql("UPDATE \"Statements\" SET \"PublicationDate\" = \"PublishedAt\" WHERE \"PublishedAt\" IS NOT NULL;");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceAccessedOn",
                table: "Statements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourcePublisher",
                table: "Statements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceTitle",
                table: "Statements",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Statements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "SignedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuedBy",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "ListIsPartial",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "ListNote",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "PublicationDate",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "SourceAccessedOn",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "SourcePublisher",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "SourceTitle",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "Statements");

            migrationBuilder.AlterColumn<long>(
                name: "SignedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
