using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Sends an invited organisation its signing link: the first invitation, a link sent again, the schedule's reminders before
/// the deadline and a drafter's reminder. Each names who invites, carries the drafter's message and the deadline, and gives
/// the title in the organisation's language when the statement has a translation in it. The invitation shows whether
/// delivery worked; a failure is retried and shows until a retry succeeds. First invitations come in batches
/// (<see cref="EmailOnce.Batching"/>): a bulk invitation of thousands must not pay a scope, several round trips and a commit for each mail.
/// </summary>
public sealed class InvitationEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<Batch<EndorsementRequested>>, IConsumer<InvitationResent>, IConsumer<EndorsementReminderDue>, IConsumer<InvitationReminded>
{
    public const string Name = "invitation-email";

    private enum Kind { Invitation, Resent, ScheduledReminder, DrafterReminder }

    /// <param name="Actor">The account that invited, sent the link again or reminded; the inviting one when null.</param>
    /// <param name="Deadline">The deadline the event announced; otherwise the invitation's as it stands now.</param>
    /// <param name="WithoutToken">The event as raised with its token emptied: what its outbox row keeps once the mail is out.</param>
    private sealed record Mail(Guid MessageId, Guid InvitationId, string OrganisationName, string Email, string Language, string EventTitle,
        string ProtectedToken, object WithoutToken, Kind Kind, string? Actor, DateTimeOffset? Deadline = null);

    public async Task Consume(ConsumeContext<Batch<EndorsementRequested>> context)
    {
        var events = await context.Message.FirstDeliveriesAsync(db, Name, context.CancellationToken);
        await SendAsync(events.Select(e => new Mail(e.MessageId, e.Message.EndorsementRequestId, e.Message.OrganisationName,
            e.Message.RecipientEmail, e.Message.RecipientLanguage, e.Message.StatementTitle, e.Message.ProtectedSigningToken,
            e.Message with { ProtectedSigningToken = "" }, Kind.Invitation, e.Message.RequestedBy)).ToList(), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<InvitationResent> context) => SendOnFirstDeliveryAsync(context, (messageId, m) =>
        new Mail(messageId, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.Resent, m.ResentBy));

    public Task Consume(ConsumeContext<EndorsementReminderDue> context) => SendOnFirstDeliveryAsync(context, (messageId, m) =>
        new Mail(messageId, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.ScheduledReminder, Actor: null, m.Deadline));

    public Task Consume(ConsumeContext<InvitationReminded> context) => SendOnFirstDeliveryAsync(context, (messageId, m) =>
        new Mail(messageId, m.EndorsementRequestId, m.OrganisationName, m.RecipientEmail, m.RecipientLanguage, m.StatementTitle,
            m.ProtectedSigningToken, m with { ProtectedSigningToken = "" }, Kind.DrafterReminder, m.RemindedBy));

    /// <summary>Sends the one mail an event asks for, the first time the event is delivered; a redelivery sends nothing.</summary>
    private async Task SendOnFirstDeliveryAsync<T>(ConsumeContext<T> context, Func<Guid, T, Mail> mail) where T : class
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;
        await SendAsync([mail(messageId, context.Message)], context.CancellationToken);
    }

    /// <summary>
    /// Sends the mails in order (<see cref="EmailOnce.SendInOrderAsync"/>); what became of them is saved on their invitations with their
    /// inbox entries, in one transaction. A mail that fails for now is marked failed on its invitation and saved with the ones before
    /// it, then thrown for the bus to retry, and the inbox skips the ones already out. Every mail is written before the first is sent:
    /// a batch that cannot be composed sends nothing.
    /// </summary>
    private async Task SendAsync(IReadOnlyList<Mail> mails, CancellationToken ct)
    {
        if (mails.Count == 0) return;
        var invitationIds = mails.Select(m => m.InvitationId).Distinct().ToList();
        var invitations = await db.Invitations.AsNoTracking().Where(r => EF.Parameter(invitationIds).Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, ct);
        var statements = new Dictionary<Guid, StatementForMail>();
        var messages = new List<(Mail, Guid, MimeMessage)>(mails.Count);
        foreach (var mail in mails)
        {
            var invitation = invitations[mail.InvitationId];
            if (!statements.TryGetValue(invitation.StatementId, out var statement))
                statements[invitation.StatementId] = statement = await StatementForMail.LoadAsync(db, invitation.StatementId, ct);
            var texts = new EmailTexts(mail.Language);
            var title = Flatten(await statement.TitleInAsync(db, texts, mail.EventTitle, ct));
            var inviter = await statement.InviterAsync(db, mail.Actor ?? invitation.RequestedBy, ct);
            var (subject, body) = Compose(texts, mail.Kind, Flatten(mail.OrganisationName), title, inviter, statement.Initiators,
                invitation.PersonalMessage, mail.Deadline ?? invitation.DeadlineUnder(statement.Statement.SignatureDeadline),
                links.To("/sign", mail.ProtectedToken));
            messages.Add((mail, mail.MessageId, EmailOnce.PlainText(options.Value.From,
                new MailboxAddress(mail.OrganisationName, mail.Email), subject, body)));
        }

        var (handled, failedForNow) = await sender.SendInOrderAsync(messages, clock, ct);
        // Refused for good (an unknown mailbox, say): no retry; the drafters see why on the invitation, and a resend mints a new link.
        // Failed for now: the bus retries, and a later success clears the failure.
        await RecordAsync(handled, failedForNow is { } failed ? (failed.Mail.InvitationId, failed.Error.Message) : null, ct);
        if (failedForNow is { } thrown) ExceptionDispatchInfo.Capture(thrown.Error).Throw();
    }

    /// <summary>
    /// Saves "delivered" or "refused" on each invitation, with its inbox entry and its outbox row rewritten without the token. An
    /// invitation may change meanwhile (opened, signed): then the marks are made again on fresh rows, rather than failing the
    /// messages and sending the e-mails twice.
    /// </summary>
    private async Task RecordAsync(IReadOnlyList<EmailOnce.Outcome<Mail>> sent, (Guid InvitationId, string Error)? failedForNow,
        CancellationToken ct)
    {
        var ids = sent.Select(s => s.Mail.InvitationId).Concat(failedForNow is { } f ? [f.InvitationId] : []).Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            var invitations = await db.Invitations.Where(r => EF.Parameter(ids).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var (mail, refusal, at) in sent)
            {
                if (refusal is null) invitations[mail.InvitationId].MarkDelivered(at);
                else invitations[mail.InvitationId].MarkDeliveryFailed(refusal.Message, at);
                db.MarkProcessed(mail.MessageId, Name, at);
            }
            if (failedForNow is { } failed) invitations[failed.InvitationId].MarkDeliveryFailed(failed.Error, clock.GetUtcNow());
            await db.ForgetTokensAsync(sent.Select(s => (s.Mail.MessageId, s.Mail.WithoutToken)).ToList(), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                // A duplicate delivered at the same moment saved its inbox entry first: nothing of this save is kept, and the retry's inbox
                // sorts it out.
                db.ChangeTracker.Clear();
                throw;
            }
        }
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
                body.Paragraph(t["This is a reminder that signatures for the statement \"{0}\" close on {1}.", title,
                    t.DateAndTime(deadline.Value)], t["You were invited by {0}.", inviter]);
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

    /// <summary>What the mails about one statement share, read once for a batch.</summary>
    private sealed class StatementForMail(Statement statement, IReadOnlyList<string> initiators)
    {
        private readonly Dictionary<string, string> _inviters = [];
        private List<TranslationVersion>? _translations;

        public Statement Statement => statement;
        public IReadOnlyList<string> Initiators => initiators;

        public static async Task<StatementForMail> LoadAsync(WorkflowDb db, Guid statementId, CancellationToken ct)
        {
            var statement = await db.Statements.AsNoTracking().Include(s => s.Members).SingleAsync(s => s.Id == statementId, ct);
            return new StatementForMail(statement, (await db.InitiatorsOfAsync(statement, ct)).Select(o => Flatten(o.Name)).ToList());
        }

        /// <summary>The title of the statement's translation in the recipient's language, if signers may read one; else the original
        /// title.</summary>
        public async Task<string> TitleInAsync(WorkflowDb db, EmailTexts texts, string originalTitle, CancellationToken ct)
        {
            var language = texts.Culture.TwoLetterISOLanguageName;
            if (InterfaceLanguages.Closest(statement.Language) == language) return originalTitle;
            _translations ??= await db.SignableTranslationsAsync(statement, ct);
            var translation = _translations.FirstOrDefault(v => InterfaceLanguages.Closest(v.Language) == language);
            return translation is { Title.Length: > 0 } ? translation.Title : originalTitle;
        }

        /// <summary>
        /// Who invites, as the recipient can check it: the confirmed e-mail address of the drafter's account (only a confirmed
        /// address may e-mail others, and accounts have no other name the service vouches for); the statement's owner if that
        /// account is gone.
        /// </summary>
        public async Task<string> InviterAsync(WorkflowDb db, string userId, CancellationToken ct)
        {
            if (_inviters.TryGetValue(userId, out var known)) return known;
            var ownerIds = statement.Members.Where(m => m.Role == StatementRole.Owner).Select(m => m.UserId).ToList();
            var emails = await db.Users.AsNoTracking().Where(u => (u.Id == userId || ownerIds.Contains(u.Id)) && u.Email != null)
                .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
            return _inviters[userId] = (emails.FirstOrDefault(u => u.Id == userId) ?? emails.FirstOrDefault())?.Email ?? "Workflow";
        }
    }
}
