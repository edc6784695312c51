using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>Sends a co-drafter the link with which to join a statement.</summary>
public sealed class CollaboratorEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<CollaboratorInvited>
{
    public const string Name = "collaborator-email";

    public async Task Consume(ConsumeContext<CollaboratorInvited> context)
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var m = context.Message;
        var title = Flatten(m.StatementTitle);
        var link = links.To("/join", m.ProtectedToken);
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(m.Email, m.Email),
            $"Draft with us: {title}",
            $"""
            You are invited to draft the statement "{title}" as {m.Role.ToLowerInvariant()}.

            Sign in to Workflow (or create an account) and accept the invitation here:
            {link}

            The link works once, for 14 days. If you did not expect it, ignore this message.

            -- 
            Workflow
            """);
        await db.ForgetTokenAsync(messageId, m with { ProtectedToken = "" }, context.CancellationToken);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), context.CancellationToken);
    }
}
