using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Writes to the address given on the public sign-on form, in the language it was filled in: the link that confirms the
/// organisation wants to sign (proof that the form's sender reads that mail), and, if the drafters reject the entry, why.
/// An approval is told with the receipt (<see cref="ReceiptEmailConsumer"/>).
/// </summary>
public sealed class SignOnEmailConsumer(EventMailer mailer, WorkflowDb db, EmailLinks links, ILogger<SignOnEmailConsumer> log)
    : IConsumer<Batch<SignOnSubmitted>>, IConsumer<SignOnRejected>
{
    public const string Name = "sign-on-email";

    /// <summary>
    /// The confirmation links come in batches (<see cref="EmailOnce.Batching"/>): a crowd signing on must not wait behind a scope, three
    /// round trips and a commit for each of its e-mails.
    /// </summary>
    public Task Consume(ConsumeContext<Batch<SignOnSubmitted>> context) =>
        mailer.SendBatchOnceAsync(context, Name, ConfirmationLink, withoutToken: m => m with { ProtectedConfirmationToken = "" }, log);

    private MimeMessage ConfirmationLink(SignOnSubmitted m)
    {
        var t = new EmailTexts(m.RecipientLanguage);
        var (organisation, title) = (Flatten(m.OrganisationName), Flatten(m.StatementTitle));
        var body = new EmailBody()
            .Paragraph(t["We received a request for {0} to sign the statement \"{1}\".", organisation, title])
            .Paragraph(t["If you sent it, confirm it here before {0}:", t.DateAndTime(m.ConfirmBy)],
                links.To("/sign-on", m.ProtectedConfirmationToken))
            .Paragraph(t["The statement's drafters then review the signature before adding it to the list."],
                t["If you did not send it, ignore this message: nothing is signed without confirmation."]);
        return mailer.PlainText(new MailboxAddress(m.OrganisationName, m.RecipientEmail),
            t["Confirm the signature of {0}: {1}", organisation, title], body.ToString());
    }

    public Task Consume(ConsumeContext<SignOnRejected> context) => mailer.SendOnceAsync(context, Name, RejectionAsync);

    private async Task<IReadOnlyList<MimeMessage>> RejectionAsync(SignOnRejected m, CancellationToken ct)
    {
        var entry = await db.SignOnEntries.AsNoTracking().SingleAsync(e => e.Id == m.SignOnId, ct);
        var title = Flatten(await db.Statements.Where(s => s.Id == m.StatementId).Select(s => s.Title).SingleAsync(ct));
        var t = new EmailTexts(entry.Language);
        var body = new EmailBody()
            .Paragraph(t["Dear {0},", Flatten(entry.Name)])
            .Paragraph(t["The drafters of the statement \"{0}\" did not add your organisation's signature to the list.", title]);
        if (m.Reason is null) body.Paragraph(t["They gave no reason."]);
        else body.Paragraph(t["Their reason:"], m.Reason);
        return [mailer.PlainText(new MailboxAddress(entry.Name, entry.Email), t["Signature not accepted: {0}", title], body.ToString())];
    }
}
