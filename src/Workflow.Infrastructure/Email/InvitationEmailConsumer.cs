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
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Sends an invited organisation its signing link: the first invitation, a link sent again, and reminders before
/// the deadline. The invitation shows whether delivery worked; a failure is retried and shows until a retry succeeds.
/// </summary>
public sealed class InvitationEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<EndorsementRequested>, IConsumer<InvitationResent>, IConsumer<EndorsementReminderDue>
{
    public const string Name = "invitation-email";

    public Task Consume(ConsumeContext<EndorsementRequested> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken, m with { ProtectedSigningToken = "" },
            link => InvitationEmailTexts.Invitation(m.RecipientLanguage, Flatten(m.OrganisationName), Flatten(m.StatementTitle), link));
    }

    public Task Consume(ConsumeContext<InvitationResent> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken, m with { ProtectedSigningToken = "" },
            link => InvitationEmailTexts.Resent(m.RecipientLanguage, Flatten(m.OrganisationName), Flatten(m.StatementTitle), link));
    }

    public Task Consume(ConsumeContext<EndorsementReminderDue> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.ProtectedSigningToken, m with { ProtectedSigningToken = "" },
            link => InvitationEmailTexts.Reminder(m.RecipientLanguage, Flatten(m.OrganisationName), Flatten(m.StatementTitle), m.Deadline, link));
    }

    private async Task SendAsync<T>(ConsumeContext<T> context, Guid invitationId, string organisationName, string email,
        string protectedToken, T withoutToken, Func<string, InvitationEmailTexts.Text> compose) where T : class
    {
        var ct = context.CancellationToken;
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var text = compose(links.To("/sign", protectedToken));
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(organisationName, email), text.Subject, text.Body);
        message.MessageId = $"{messageId:N}@workflow";
        var invitation = await db.EndorsementRequests.SingleAsync(r => r.Id == invitationId, ct);
        try
        {
            await sender.SendAsync(message, messageId, ct);
        }
        catch (EmailRejectedException e)
        {
            // Refused for good (an unknown mailbox, say): no retry; the drafters see why on the invitation.
            invitation.MarkDeliveryFailed(e.Message, clock.GetUtcNow());
            await db.ForgetTokenAsync(messageId, withoutToken, ct); // a resend mints a new link
            await db.SaveProcessedAsync(messageId, Name, clock.GetUtcNow(), ct);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            invitation.MarkDeliveryFailed(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            throw; // the bus retries; a later success clears the failure
        }
        await RecordDeliveryAsync(invitation, messageId, withoutToken, ct);
    }

    /// <summary>
    /// "Delivered" is saved with the inbox entry, and with the outbox row rewritten without the token. The invitation may change meanwhile (opened, signed): then the
    /// mark is made again on the fresh row, rather than failing the message and sending the e-mail twice.
    /// </summary>
    private async Task RecordDeliveryAsync<T>(EndorsementRequest invitation, Guid messageId, T withoutToken, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                invitation.MarkDelivered(clock.GetUtcNow());
                await db.ForgetTokenAsync(messageId, withoutToken, ct);
                await db.SaveProcessedAsync(messageId, Name, clock.GetUtcNow(), ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                db.ChangeTracker.Clear();
                invitation = await db.EndorsementRequests.SingleAsync(r => r.Id == invitation.Id, ct);
            }
        }
    }

}
