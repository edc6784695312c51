using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Core.Accounts;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Sends account e-mails (confirmation, password reset, "someone tried to register") straight away rather than through
/// the outbox: they record no change of the domain, the person is waiting for them and can ask again, and their codes
/// (derived by Identity from the account's security stamp) then never touch the database, not even until delivery.
/// </summary>
public sealed class AccountMailer(IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options,
    ILogger<AccountMailer> log) : IAccountMailer
{
    public async Task SendAsync(AccountMail mail, CancellationToken ct)
    {
        var link = links.Link(mail.LinkPathAndQuery);
        var (subject, body) = AccountEmailTexts.For(mail.Kind, mail.Language, link);
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(mail.To, mail.To), subject, body);
        var id = Guid.NewGuid();
        message.MessageId = $"{id:N}@workflow";
        try
        {
            await sender.SendAsync(message, id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer must not tell whether a mail was due (whether the account exists); the person can ask again.
            log.LogError(e, "An account e-mail ({Kind}) could not be sent", mail.Kind);
        }
    }
}

internal static class AccountEmailTexts
{
    public static (string Subject, string Body) For(AccountMailKind kind, string language, string link)
    {
        var t = new EmailTexts(language);
        var body = new EmailBody();
        string subject;
        switch (kind)
        {
            case AccountMailKind.ConfirmAddress:
                subject = t["Confirm your e-mail address"];
                body.Paragraph(t["Thank you for creating an account on Workflow."])
                    .Paragraph(t["Confirm that this address is yours by opening this link:"], link)
                    .Paragraph(t["Until then you can draft, but the service sends no e-mail to anybody else on your behalf."],
                        t["If you did not create the account, ignore this message."]);
                break;
            case AccountMailKind.AlreadyRegistered:
                subject = t["Someone tried to register with your address"];
                body.Paragraph(t["Someone (perhaps you) tried to create an account on Workflow with this address, which already has one."])
                    .Paragraph(t["If it was you, sign in; if you forgot the password, choose a new one here:"], link)
                    .Paragraph(t["If it was not you, there is nothing to do: your account has not changed."]);
                break;
            case AccountMailKind.ResetPassword:
                subject = t["Choose a new password"];
                body.Paragraph(t["Someone (perhaps you) asked to choose a new password for your Workflow account."])
                    .Paragraph(t["Choose a new password here (the link works once):"], link)
                    .Paragraph(t["Changing it signs out every other session. If you did not ask for this, ignore this message."]);
                break;
            case AccountMailKind.ConfirmNewAddress:
                subject = t["Confirm your new e-mail address"];
                body.Paragraph(t["Someone (perhaps you) asked to make this the new address of a Workflow account."])
                    .Paragraph(t["Confirm it by opening this link; the change is made only when you do:"], link)
                    .Paragraph(t["If you did not ask for this, ignore this message."]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return (subject, body.ToString());
    }
}
