using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Infrastructure.Email;

/// <summary>Sends the invited organisation its signing link.</summary>
public sealed class InvitationEmailConsumer(
    WorkflowDb db, IEmailSender sender, IDataProtectionProvider dataProtection, IOptions<EmailOptions> options,
    IConfiguration configuration, TimeProvider clock) : IConsumer<EndorsementRequested>
{
    public const string Name = "invitation-email";

    public async Task Consume(ConsumeContext<EndorsementRequested> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id.");
        if (await db.AlreadyProcessedAsync(messageId, Name, context.CancellationToken)) return;

        var invitation = context.Message;
        var token = dataProtection.CreateProtector(InvitationToken.EmailProtectorPurpose).Unprotect(invitation.ProtectedSigningToken);
        var link = $"{PublicBaseUrl(configuration)}/api/invitations/{token}";

        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(invitation.OrganisationName, invitation.RecipientEmail),
            $"Invitation to sign: {invitation.StatementTitle}",
            $"""
            Dear {invitation.OrganisationName},

            You are invited to sign the statement "{invitation.StatementTitle}".

            Read the exact text and sign or decline it here:
            {link}

            This link is personal to your organisation. Anyone who has it can sign in your name, so please do not forward it.

            -- 
            Workflow
            """);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), context.CancellationToken);
    }

    internal static string PublicBaseUrl(IConfiguration configuration) =>
        (configuration["PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
}
