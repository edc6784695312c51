using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The signatory's receipt by e-mail: what was signed (title, version, the text's SHA-256), its number on the list, and the
/// link to the receipt page (and the signed receipt document). After signing through an invitation it goes to the invitation's
/// address; after the drafters approve a sign-on, to the address the signer confirmed, and says that it was approved.
/// </summary>
public sealed class ReceiptEmailConsumer(EventMailer mailer, WorkflowDb db, EmailLinks links, ILogger<ReceiptEmailConsumer> log)
    : IConsumer<Batch<SignatureReceiptDue>>
{
    public const string Name = "receipt-email";

    public Task Consume(ConsumeContext<Batch<SignatureReceiptDue>> context) =>
        mailer.SendBatchOnceAsync(context, Name, ReceiptsAsync, withoutToken: m => m with { ProtectedToken = "" }, log);

    private async Task<IReadOnlyList<MimeMessage>> ReceiptsAsync(IReadOnlyList<SignatureReceiptDue> events, CancellationToken ct)
    {
        var signatureIds = events.Select(e => e.SignatureId).Distinct().ToList();
        var signatures = await db.Signatures.AsNoTracking().Where(s => EF.Parameter(signatureIds).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var statementIds = signatures.Values.Select(s => s.StatementId).Distinct().ToList();
        var titles = await db.Statements.Where(s => EF.Parameter(statementIds).Contains(s.Id)).Select(s => new { s.Id, s.Title })
            .ToDictionaryAsync(s => s.Id, s => Flatten(s.Title), ct);
        var organisationIds = signatures.Values.Select(s => s.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => EF.Parameter(organisationIds).Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => Flatten(o.Name), ct);

        return events.Select(e =>
        {
            var signature = signatures[e.SignatureId];
            return Receipt(e, signature, titles[signature.StatementId], organisations[signature.OrganisationId]);
        }).ToList();
    }

    private MimeMessage Receipt(SignatureReceiptDue m, Signature signature, string title, string organisation)
    {
        var signOn = m.LinkKind == "sign-on";
        var t = new EmailTexts(m.RecipientLanguage);

        var body = new EmailBody().Paragraph(t["Dear {0},", organisation]);
        body.Paragraph(signOn
            ? t["The drafters of the statement \"{0}\" approved your organisation's signature: it is number {1} on the list.", title,
                signature.Number]
            : t["Thank you: your organisation's signature of the statement \"{0}\" is recorded as number {1} on the list.", title,
                signature.Number]);
        body.Paragraph(
            t["What you signed:"],
            t["Title: {0}", title],
            t["Version: {0}", signature.VersionNumber],
            t["Signature number: {0}", signature.Number],
            t["SHA-256 of the text:"],
            signature.TextHash);
        body.Paragraph(signOn
                ? t["Your receipt, and a signed copy of it to keep, are here (this link replaces the one you confirmed with, which no longer works):"]
                : t["Your receipt, and a signed copy of it to keep, are here:"],
            links.To(signOn ? "/sign-on" : "/sign", m.ProtectedToken));
        body.Paragraph(t["With this link you can also withdraw the signature, or confirm the text if it changes. Please do not forward it."]);

        var subject = signOn ? t["Signature accepted: {0}", title] : t["Your signature: {0}", title];
        return mailer.PlainText(new MailboxAddress(organisation, m.RecipientEmail), subject, body.ToString());
    }
}
