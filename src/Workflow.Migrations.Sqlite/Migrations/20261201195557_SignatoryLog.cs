using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignatoryLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainEntries");

            migrationBuilder.DropColumn(
                name: "ChainHash",
                table: "Signatures");

            migrationBuilder.RenameColumn(
                name: "ChainPosition",
                table: "Signatures",
                newName: "LogIndex");

            migrationBuilder.AddColumn<string>(
                name: "DisplayCountry",
                table: "Signatures",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Provenance",
                table: "Signatures",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceEmailDomain",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceNote",
                table: "Signatures",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceSource",
                table: "Signatures",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReconfirmedBy",
                table: "Signatures",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LinkHandedOver",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LogEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Entry = table.Column<string>(type: "TEXT", nullable: false),
                    LeafHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Frontier = table.Column<string>(type: "TEXT", nullable: false),
                    Head = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogEntries_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_SignatureId",
                table: "LogEntries",
                column: "SignatureId");

            migrationBuilder.CreateIndex(
                name: "IX_LogEntries_StatementId_Index",
                table: "LogEntries",
                columns: new[] { "StatementId", "Index" },
                unique: true);

            // Signatures made before provenance was recorded: what their rows still tell. The country shown becomes the one
            // the directory holds now. (Statements signed before the log existed verify only from the log's first entry on.)
            migrationBuilder.Sql("""
                UPDATE "Signatures" SET "Provenance" = CASE WHEN "RecordedBy" IS NOT NULL THEN 'RecordedByDrafters'
                    WHEN "EndorsementRequestId" IS NOT NULL THEN 'InvitationLink' ELSE 'SignOn' END
                """);
            migrationBuilder.Sql("""
                UPDATE "Signatures" SET "DisplayCountry" = (SELECT o."Country" FROM "Organisations" o WHERE o."Id" = "Signatures"."OrganisationId")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LogEntries");

            migrationBuilder.DropColumn(
                name: "DisplayCountry",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Provenance",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ProvenanceEmailDomain",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ProvenanceNote",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ProvenanceSource",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ReconfirmedBy",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "LinkHandedOver",
                table: "EndorsementRequests");

            migrationBuilder.RenameColumn(
                name: "LogIndex",
                table: "Signatures",
                newName: "ChainPosition");

            migrationBuilder.AddColumn<string>(
                name: "ChainHash",
                table: "Signatures",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChainEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TextHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainEntries_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChainEntries_SignatureId",
                table: "ChainEntries",
                column: "SignatureId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainEntries_StatementId_Position",
                table: "ChainEntries",
                columns: new[] { "StatementId", "Position" },
                unique: true);
        }
    }
}
