using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The signatory's receipt by e-mail: what was signed (title, version, the text's SHA-256), its number on the list, and the
/// link to the receipt page (and the signed receipt document). After signing through an invitation it goes to the invitation's
/// address; after the drafters approve a sign-on, to the address the signer confirmed, and says that it was approved.
/// </summary>
public sealed class ReceiptEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<SignatureReceiptDue>
{
    public const string Name = "receipt-email";

    public async Task Consume(ConsumeContext<SignatureReceiptDue> context)
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var m = context.Message;
        var ct = context.CancellationToken;
        var signature = await db.Signatures.AsNoTracking().SingleAsync(s => s.Id == m.SignatureId, ct);
        var title = Flatten(await db.Statements.Where(s => s.Id == m.StatementId).Select(s => s.Title).SingleAsync(ct));
        var organisation = Flatten(await db.Organisations.Where(o => o.Id == signature.OrganisationId).Select(o => o.Name).SingleAsync(ct));
        var signOn = m.LinkKind == "sign-on";
        var t = new EmailTexts(m.RecipientLanguage);

        var body = new EmailBody().Paragraph(t["Dear {0},", organisation]);
        body.Paragraph(signOn
            ? t["The drafters of the statement \"{0}\" approved your organisation's signature: it is number {1} on the list.", title, signature.Number]
            : t["Thank you: your organisation's signature of the statement \"{0}\" is recorded as number {1} on the list.", title, signature.Number]);
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
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(organisation, m.RecipientEmail), subject, body.ToString());
        await db.ForgetTokenAsync(messageId, m with { ProtectedToken = "" }, ct);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), ct);
    }
}
