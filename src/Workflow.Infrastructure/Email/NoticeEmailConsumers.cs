using MassTransit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>Tells a signatory that the drafters took its signature off the list, and why.</summary>
public sealed class InvalidationNoticeConsumer(EventMailer mailer, WorkflowDb db) : IConsumer<SignatureInvalidated>
{
    public const string Name = "invalidation-notice-email";

    public Task Consume(ConsumeContext<SignatureInvalidated> context) => mailer.SendOnceAsync(context, Name, NoticeAsync);

    private async Task<IReadOnlyList<MimeMessage>> NoticeAsync(SignatureInvalidated invalidated, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == invalidated.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invalidated.OrganisationId, ct);
        var recipient = await (
            from s in db.Signatures
            join r in db.Invitations on s.InvitationId equals r.Id
            where s.Id == invalidated.SignatureId
            select new { r.Email, r.Language }).SingleOrDefaultAsync(ct);

        var (organisationName, title) = (Flatten(organisation.Name), Flatten(statement.Title));
        // A signature recorded by a drafter has no address to write to; the drafters who recorded it know.
        if (recipient is null) return [];
        var t = new EmailTexts(recipient.Language);
        var body = new EmailBody()
            .Paragraph(t["Dear {0},", organisationName])
            .Paragraph(t["The drafters of \"{0}\" have removed your organisation's signature (number {1}) from the list.", title,
                invalidated.Number], t["Reason: {0}", Describe(t, invalidated.Reason)])
            .Paragraph(invalidated.Note)
            .Paragraph(t["If this is a mistake, please reply to the drafters who invited you."]);
        return [mailer.PlainText(new MailboxAddress(organisationName, recipient.Email), t["Your signature was removed from: {0}", title],
            body.ToString())];
    }

    private static string Describe(EmailTexts t, string reason) => reason switch
    {
        "NotGenuine" => t["the signature does not appear to be genuine."],
        "SignedByMistake" => t["the signature was made by mistake."],
        "Duplicate" => t["the signature duplicates another one on the list."],
        _ => reason,
    };
}
