using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Sends an invited organisation its signing link: the first invitation, a link sent again, and reminders before
/// the deadline. The invitation shows whether delivery worked; a failure is retried and shows until a retry succeeds.
/// </summary>
public sealed class InvitationEmailConsumer(
    WorkflowDb db, IEmailSender sender, IDataProtectionProvider dataProtection, IOptions<EmailOptions> options,
    IConfiguration configuration, TimeProvider clock)
    : IConsumer<EndorsementRequested>, IConsumer<InvitationResent>, IConsumer<EndorsementReminderDue>
{
    public const string Name = "invitation-email";

    public Task Consume(ConsumeContext<EndorsementRequested> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken,
            $"Invitation to sign: {m.StatementTitle}",
            link => $"""
                Dear {m.OrganisationName},

                You are invited to sign the statement "{m.StatementTitle}".

                Read the exact text and sign or decline it here:
                {link}
                """);
    }

    public Task Consume(ConsumeContext<InvitationResent> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken,
            $"Invitation to sign (new link): {m.StatementTitle}",
            link => $"""
                Dear {m.OrganisationName},

                Here is a new link to read and sign, or decline, the statement "{m.StatementTitle}".
                It replaces the link sent to you earlier, which no longer works:
                {link}
                """);
    }

    public Task Consume(ConsumeContext<EndorsementReminderDue> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken,
            $"Reminder: signatures for \"{m.StatementTitle}\" close on {m.Deadline.UtcDateTime:d MMMM yyyy}",
            link => $"""
                Dear {m.OrganisationName},

                This is a reminder that signatures for the statement "{m.StatementTitle}" close on {m.Deadline.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC.

                Read the exact text and sign or decline it here. This link replaces the one sent to you earlier, which no longer works:
                {link}
                """);
    }

    private async Task SendAsync<T>(ConsumeContext<T> context, Guid invitationId, string organisationName, string email,
        string protectedToken, string subject, Func<string, string> text) where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id.");
        var ct = context.CancellationToken;
        if (await db.AlreadyProcessedAsync(messageId, Name, ct)) return;

        var token = dataProtection.CreateProtector(InvitationToken.EmailProtectorPurpose).Unprotect(protectedToken);
        var body = text($"{PublicBaseUrl(configuration)}/api/invitations/{token}") + """


            This link is personal to your organisation. Anyone who has it can sign in your name, so please do not forward it.

            -- 
            Workflow
            """;
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(organisationName, email), subject, body);
        message.MessageId = $"{messageId:N}@workflow";
        var invitation = await db.EndorsementRequests.SingleAsync(r => r.Id == invitationId, ct);
        try
        {
            await sender.SendAsync(message, messageId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            invitation.MarkDeliveryFailed(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            throw; // the bus retries; a later success clears the failure
        }
        // Recorded with the inbox entry; if this save fails, the retry sends the same message again under the same key.
        invitation.MarkDelivered(clock.GetUtcNow());
        await db.SaveProcessedAsync(messageId, Name, clock.GetUtcNow(), ct);
    }

    internal static string PublicBaseUrl(IConfiguration configuration) =>
        (configuration["PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
}
