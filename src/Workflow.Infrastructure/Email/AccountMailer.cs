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
public sealed class AccountMailer(IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, ILogger<AccountMailer> log) : IAccountMailer
{
    public async Task SendAsync(AccountMail mail, CancellationToken ct)
    {
        var link = links.BaseUrl + mail.LinkPathAndQuery;
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
    public static (string Subject, string Body) For(AccountMailKind kind, string language, string link) => (kind, language) switch
    {
        (AccountMailKind.ConfirmAddress, "es") => ("Confirme su dirección de correo electrónico", $"""
            Gracias por crear una cuenta en Workflow.

            Confirme que esta dirección es suya abriendo este enlace:
            {link}

            Hasta entonces puede redactar, pero el servicio no enviará correos a nadie más en su nombre.
            Si no creó usted la cuenta, ignore este mensaje.
            {FooterEs}
            """),
        (AccountMailKind.ConfirmAddress, _) => ("Confirm your e-mail address", $"""
            Thank you for creating an account on Workflow.

            Confirm that this address is yours by opening this link:
            {link}

            Until then you can draft, but the service sends no e-mail to anybody else on your behalf.
            If you did not create the account, ignore this message.
            {FooterEn}
            """),
        (AccountMailKind.AlreadyRegistered, "es") => ("Alguien intentó registrarse con su dirección", $"""
            Alguien (quizá usted) intentó crear una cuenta en Workflow con esta dirección, que ya tiene una cuenta.

            Si fue usted, inicie sesión; si no recuerda la contraseña, elija una nueva aquí:
            {link}

            Si no fue usted, no tiene que hacer nada: su cuenta no ha cambiado.
            {FooterEs}
            """),
        (AccountMailKind.AlreadyRegistered, _) => ("Someone tried to register with your address", $"""
            Someone (perhaps you) tried to create an account on Workflow with this address, which already has one.

            If it was you, sign in; if you forgot the password, choose a new one here:
            {link}

            If it was not you, there is nothing to do: your account has not changed.
            {FooterEn}
            """),
        (AccountMailKind.ResetPassword, "es") => ("Elija una nueva contraseña", $"""
            Alguien (quizá usted) pidió elegir una nueva contraseña para su cuenta de Workflow.

            Elija una nueva contraseña aquí (el enlace sirve una vez):
            {link}

            Al cambiarla se cerrarán las demás sesiones abiertas. Si no lo pidió usted, ignore este mensaje.
            {FooterEs}
            """),
        (AccountMailKind.ResetPassword, _) => ("Choose a new password", $"""
            Someone (perhaps you) asked to choose a new password for your Workflow account.

            Choose a new password here (the link works once):
            {link}

            Changing it signs out every other session. If you did not ask for this, ignore this message.
            {FooterEn}
            """),
        (AccountMailKind.ConfirmNewAddress, "es") => ("Confirme su nueva dirección de correo electrónico", $"""
            Alguien (quizá usted) pidió que esta sea la nueva dirección de una cuenta de Workflow.

            Confírmelo abriendo este enlace; el cambio solo se hace al abrirlo:
            {link}

            Si no lo pidió usted, ignore este mensaje.
            {FooterEs}
            """),
        (AccountMailKind.ConfirmNewAddress, _) => ("Confirm your new e-mail address", $"""
            Someone (perhaps you) asked to make this the new address of a Workflow account.

            Confirm it by opening this link; the change is made only when you do:
            {link}

            If you did not ask for this, ignore this message.
            {FooterEn}
            """),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private const string FooterEn = """

        -- 
        Workflow
        """;

    private const string FooterEs = """

        -- 
        Workflow
        """;
}
