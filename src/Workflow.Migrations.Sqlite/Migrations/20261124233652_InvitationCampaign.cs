using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvitationCampaign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SignatureDeadline",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "EndorsementRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeliveryFailedAt",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExpiredAt",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastReminderAt",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OpenedAt",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnDeadline",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindersSent",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "EndorsementRequests",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignatureDeadline",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "DeliveryFailedAt",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "ExpiredAt",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "LastReminderAt",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "OpenedAt",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "OwnDeadline",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "RemindersSent",
                table: "EndorsementRequests");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "EndorsementRequests");
        }
    }
}
