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

/// <summary>Sends a co-drafter the link with which to join a statement.</summary>
public sealed class CollaboratorEmailConsumer(EventMailer mailer, EmailLinks links) : IConsumer<CollaboratorInvited>
{
    public const string Name = "collaborator-email";

    public Task Consume(ConsumeContext<CollaboratorInvited> context) =>
        mailer.SendOnceAsync(context, Name, Invitation, withoutToken: m => m with { ProtectedToken = "" });

    private IReadOnlyList<MimeMessage> Invitation(CollaboratorInvited m)
    {
        var title = Flatten(m.StatementTitle);
        var link = links.To("/join", m.ProtectedToken);
        // A co-drafter is invited by address only, with no language of its own yet: the service's default language.
        var t = new EmailTexts(Workflow.Core.Common.InterfaceLanguages.Default);
        var body = new EmailBody()
            .Paragraph(t["You are invited to draft the statement \"{0}\" as {1}.", title, RoleName(t, m.Role)])
            .Paragraph(t["Sign in to Workflow (or create an account) and accept the invitation here:"], link)
            .Paragraph(t["The link works once, for 14 days. If you did not expect it, ignore this message."]);
        return [mailer.PlainText(new MailboxAddress(m.Email, m.Email), t["Draft with us: {0}", title], body.ToString())];
    }

    private static string RoleName(EmailTexts t, string role) => role switch
    {
        "Owner" => t["owner"],
        "Editor" => t["editor"],
        "Commenter" => t["commenter"],
        "Viewer" => t["viewer"],
        _ => role.ToLowerInvariant(),
    };
}
