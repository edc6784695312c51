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

/// <summary>Sends a co-drafter the link with which to join a statement.</summary>
public sealed class CollaboratorEmailConsumer(
    WorkflowDb db, IEmailSender sender, IDataProtectionProvider dataProtection, IOptions<EmailOptions> options, IConfiguration configuration, TimeProvider clock)
    : IConsumer<CollaboratorInvited>
{
    public const string Name = "collaborator-email";

    public async Task Consume(ConsumeContext<CollaboratorInvited> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id.");
        if (await db.AlreadyProcessedAsync(messageId, Name, context.CancellationToken)) return;

        var m = context.Message;
        var token = dataProtection.CreateProtector(InvitationToken.EmailProtectorPurpose).Unprotect(m.ProtectedToken);
        var link = $"{InvitationEmailConsumer.PublicBaseUrl(configuration)}/api/collaborations/{token}";
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(m.Email, m.Email),
            $"Draft with us: {m.StatementTitle}",
            $"""
            You are invited to draft the statement "{m.StatementTitle}" as {m.Role.ToLowerInvariant()}.

            Sign in to Workflow (or create an account) and accept the invitation here:
            {link}

            The link works once, for 14 days. If you did not expect it, ignore this message.

            -- 
            Workflow
            """);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), context.CancellationToken);
    }
}
