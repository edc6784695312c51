using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.SqlServer.Migrations
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
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Statements",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ListIsPartial",
                table: "Statements",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ListNote",
                table: "Statements",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublicationDate",
                table: "Statements",
                type: "datetimeoffset",
                nullable: true);

            // Statements published before: the date shown is the one they were published as of.
            migrationBuilder.Sql("EXEC(N'UPDATE [Statements] SET [PublicationDate] = [PublishedAt] WHERE [PublishedAt] IS NOT NULL;');");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceAccessedOn",
                table: "Statements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourcePublisher",
                table: "Statements",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceTitle",
                table: "Statements",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Statements",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Signatures",
                type: "datetimeoffset",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset");
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

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Signatures",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "datetimeoffset",
                oldNullable: true);
        }
    }
}
