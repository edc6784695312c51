using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Core.Translations;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Sends an invited organisation its signing link: the first invitation, a link sent again, the schedule's reminders before
/// the deadline and a drafter's reminder. Each names who invites, carries the drafter's message and the deadline, and gives
/// the title in the organisation's language when the statement has a translation in it. The invitation shows whether
/// delivery worked; a failure is retried and shows until a retry succeeds.
/// </summary>
public sealed class InvitationEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<EndorsementRequested>, IConsumer<InvitationResent>, IConsumer<EndorsementReminderDue>, IConsumer<InvitationReminded>
{
    public const string Name = "invitation-email";

    private enum Kind { Invitation, Resent, ScheduledReminder, DrafterReminder }

    public Task Consume(ConsumeContext<EndorsementRequested> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.Invitation, m.RequestedBy);
    }

    public Task Consume(ConsumeContext<InvitationResent> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.Resent, m.ResentBy);
    }

    public Task Consume(ConsumeContext<EndorsementReminderDue> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.ScheduledReminder, actor: null, m.Deadline);
    }

    public Task Consume(ConsumeContext<InvitationReminded> context)
    {
        var m = context.Message;
        return SendAsync(context, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.DrafterReminder, m.RemindedBy);
    }

    /// <param name="actor">The account that invited, sent the link again or reminded; the inviting one when null.</param>
    /// <param name="deadline">The deadline the event announced; otherwise the invitation's as it stands now.</param>
    private async Task SendAsync<T>(ConsumeContext<T> context, Guid invitationId, string organisationName, string email, string language,
        string eventTitle, string protectedToken, T withoutToken, Kind kind, string? actor, DateTimeOffset? deadline = null) where T : class
    {
        var ct = context.CancellationToken;
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var invitation = await db.EndorsementRequests.SingleAsync(r => r.Id == invitationId, ct);
        var statement = await db.Statements.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Id == invitation.StatementId, ct);
        var texts = new EmailTexts(language);
        var title = Flatten(await TitleInAsync(statement, texts, eventTitle, ct));
        var inviter = await InviterAsync(statement, actor ?? invitation.RequestedBy, ct);
        var initiators = (await db.InitiatorsOfAsync(statement, ct)).Select(o => Flatten(o.Name)).ToList();
        var (subject, body) = Compose(texts, kind, Flatten(organisationName), title, inviter, initiators, invitation.PersonalMessage,
            deadline ?? invitation.DeadlineUnder(statement.SignatureDeadline), links.To("/sign", protectedToken));

        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(organisationName, email), subject, body);
        message.MessageId = $"{messageId:N}@workflow";
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

    private static (string Subject, string Body) Compose(EmailTexts t, Kind kind, string organisation, string title, string inviter,
        IReadOnlyList<string> initiators, string? personalMessage, DateTimeOffset? deadline, string link)
    {
        var body = new EmailBody().Paragraph(t["Dear {0},", organisation]);
        string subject;
        string linkIntro;
        var deadlineShown = false;
        switch (kind)
        {
            case Kind.Invitation:
                subject = t["Invitation to sign: {0}", title];
                body.Paragraph(t["{0} invites your organisation to sign the statement \"{1}\".", inviter, title]);
                linkIntro = t["Read the exact text and sign or decline it here:"];
                break;
            case Kind.Resent:
                subject = t["Invitation to sign (new link): {0}", title];
                body.Paragraph(t["{0} sends you a new link to read and sign, or decline, the statement \"{1}\".", inviter, title]);
                linkIntro = t["It replaces the link sent to you earlier, which no longer works:"];
                break;
            case Kind.ScheduledReminder:
                subject = t["Reminder: signatures for \"{0}\" close on {1}", title, t.Date(deadline!.Value)];
                body.Paragraph(t["This is a reminder that signatures for the statement \"{0}\" close on {1}.", title, t.DateAndTime(deadline.Value)],
                    t["You were invited by {0}.", inviter]);
                deadlineShown = true;
                linkIntro = t["Read the exact text and sign or decline it here. This link replaces the one sent to you earlier, which no longer works:"];
                break;
            default:
                subject = t["Reminder: invitation to sign \"{0}\"", title];
                body.Paragraph(t["{0} reminds you of the invitation to sign the statement \"{1}\".", inviter, title]);
                linkIntro = t["Read the exact text and sign or decline it here. This link replaces the one sent to you earlier, which no longer works:"];
                break;
        }
        if (initiators.Count > 0) body.Paragraph(t["The statement is initiated by {0}.", string.Join(", ", initiators)]);
        if (personalMessage is not null) body.Paragraph([t["Message from {0}:", inviter], .. personalMessage.Split('\n')]);
        if (deadline is { } due && !deadlineShown) body.Paragraph(t["Signatures close on {0}.", t.DateAndTime(due)]);
        body.Paragraph(linkIntro, link);
        body.Paragraph(t["This link is personal to your organisation. Anyone who has it can sign in your name, so please do not forward it."]);
        return (subject, body.ToString());
    }

    /// <summary>The title of the statement's translation in the recipient's language, if signers may read one; else the original title.</summary>
    private async Task<string> TitleInAsync(Statement statement, EmailTexts texts, string originalTitle, CancellationToken ct)
    {
        var language = texts.Culture.TwoLetterISOLanguageName;
        if (InterfaceLanguages.Closest(statement.Language) == language) return originalTitle;
        var translation = (await db.SignableTranslationsAsync(statement, ct)).FirstOrDefault(v => InterfaceLanguages.Closest(v.Language) == language);
        return translation is { Title.Length: > 0 } ? translation.Title : originalTitle;
    }

    /// <summary>
    /// Who invites, as the recipient can check it: the confirmed e-mail address of the drafter's account (only a confirmed
    /// address may e-mail others, and accounts have no other name the service vouches for); the statement's owner if that
    /// account is gone.
    /// </summary>
    private async Task<string> InviterAsync(Statement statement, string userId, CancellationToken ct)
    {
        var ownerIds = statement.Members.Where(m => m.Role == StatementRole.Owner).Select(m => m.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => (u.Id == userId || ownerIds.Contains(u.Id)) && u.Email != null)
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        return (emails.FirstOrDefault(u => u.Id == userId) ?? emails.FirstOrDefault())?.Email ?? "Workflow";
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
