using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Tells a signatory that the text it signed has changed, with a fresh link to read the new text and confirm it or
/// withdraw. A signature recorded by a drafter came with no address: nothing is sent, the drafters ask themselves.
/// </summary>
public sealed class ReconfirmationEmailConsumer(EventMailer mailer, EmailLinks links) : IConsumer<ReconfirmationRequested>
{
    public const string Name = "reconfirmation-email";

    public Task Consume(ConsumeContext<ReconfirmationRequested> context) =>
        mailer.SendOnceAsync(context, Name, Request, withoutToken: m => m.ProtectedToken is null ? null : m with { ProtectedToken = null });

    private IReadOnlyList<MimeMessage> Request(ReconfirmationRequested m)
    {
        if (m.RecipientEmail is null || m.ProtectedToken is null) return [];
        var (organisationName, title) = (Flatten(m.OrganisationName), Flatten(m.StatementTitle));
        var link = links.To(m.LinkKind == "sign-on" ? "/sign-on" : "/sign", m.ProtectedToken);
        var t = new EmailTexts(m.RecipientLanguage);
        var body = new EmailBody()
            .Paragraph(t["Dear {0},", organisationName])
            .Paragraph(t["The text of the statement \"{0}\" changed (version {1}) after you signed it (signature no. {2}).", title,
                m.VersionNumber, m.Number],
                t["Your signature stays in the history but is off the public list until you confirm the new text."])
            .Paragraph(t["Read the new text and confirm it, or withdraw your signature, here (this link replaces earlier ones):"], link)
            .ToString();
        var subject = t["The text you signed has changed: {0}", title];
        return [mailer.PlainText(new MailboxAddress(organisationName, m.RecipientEmail), subject, body)];
    }
}
