using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.PostgreSql.Migrations
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
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Statements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ListIsPartial",
                table: "Statements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ListNote",
                table: "Statements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublicationDate",
                table: "Statements",
                type: "timestamp with time zone",
                nullable: true);

            // Statements published before: the date shown is the one they were published as of.
            migrationBuilder.Sql("UPDATE \"Statements\" SET \"PublicationDate\" = \"PublishedAt\" WHERE \"PublishedAt\" IS NOT NULL;");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceAccessedOn",
                table: "Statements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourcePublisher",
                table: "Statements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceTitle",
                table: "Statements",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Statements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "SignedAt",
                table: "Signatures",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");
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
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
