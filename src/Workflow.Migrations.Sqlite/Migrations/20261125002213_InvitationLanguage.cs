using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvitationLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "EndorsementRequests",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en"); // invitations sent before languages were chosen were in English
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "EndorsementRequests");
        }
    }
}
