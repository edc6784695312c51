using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.SqlServer.Migrations
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
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Provenance",
                table: "Signatures",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceEmailDomain",
                table: "Signatures",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceNote",
                table: "Signatures",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceSource",
                table: "Signatures",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReconfirmedBy",
                table: "Signatures",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LinkHandedOver",
                table: "EndorsementRequests",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LogEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SignatureId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Entry = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LeafHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Frontier = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Head = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
            // In EXEC: the idempotent script compiles each batch before running it, when these columns do not exist yet.
            migrationBuilder.Sql("EXEC(N'UPDATE [Signatures] SET [Provenance] = CASE WHEN [RecordedBy] IS NOT NULL THEN ''RecordedByDrafters'' " +
                "WHEN [EndorsementRequestId] IS NOT NULL THEN ''InvitationLink'' ELSE ''SignOn'' END;');");
            migrationBuilder.Sql("EXEC(N'UPDATE [Signatures] SET [DisplayCountry] = (SELECT o.[Country] FROM [Organisations] o WHERE o.[Id] = [Signatures].[OrganisationId]);');");
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
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChainEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    PreviousHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SignatureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StatementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TextHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
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
