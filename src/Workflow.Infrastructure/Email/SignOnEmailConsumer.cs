using System.Globalization;
using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Writes to the address given on the public sign-on form: the link that confirms the organisation wants to sign
/// (proof that the form's sender reads that mail), and, if the drafters reject the entry, why. English or Spanish.
/// </summary>
public sealed class SignOnEmailConsumer(
    WorkflowDb db, IEmailSender sender, EmailLinks links, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<SignOnSubmitted>, IConsumer<SignOnRejected>
{
    public const string Name = "sign-on-email";

    public async Task Consume(ConsumeContext<SignOnSubmitted> context)
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var m = context.Message;
        var link = links.To("/sign-on", m.ProtectedConfirmationToken);
        var (subject, body) = SignOnEmailTexts.Confirmation(m.RecipientLanguage, Flatten(m.OrganisationName), Flatten(m.StatementTitle), m.ConfirmBy, link);
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(m.OrganisationName, m.RecipientEmail), subject, body);
        await db.ForgetTokenAsync(messageId, m with { ProtectedConfirmationToken = "" }, context.CancellationToken);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<SignOnRejected> context)
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var m = context.Message;
        var entry = await db.SignOnEntries.AsNoTracking().SingleAsync(e => e.Id == m.SignOnId, context.CancellationToken);
        var title = await db.Statements.Where(s => s.Id == m.StatementId).Select(s => s.Title).SingleAsync(context.CancellationToken);
        var (subject, body) = SignOnEmailTexts.Rejected(entry.Language, Flatten(entry.Name), Flatten(title), m.Reason);
        var message = EmailOnce.PlainText(options.Value.From, new MailboxAddress(entry.Name, entry.Email), subject, body);
        await sender.SendOnceAsync(db, messageId, Name, [message], clock.GetUtcNow(), context.CancellationToken);
    }
}

/// <summary>The sign-on e-mails' words. Plain text: names and titles are inserted as they are and never become markup.</summary>
internal static class SignOnEmailTexts
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    public static (string Subject, string Body) Confirmation(string language, string organisation, string title, DateTimeOffset confirmBy, string link)
    {
        var utc = confirmBy.UtcDateTime;
        return language == "es"
            ? ($"Confirme la firma de {organisation}: {title}", $"""
                Hemos recibido una solicitud para que {organisation} firme la declaración «{title}».

                Si la envió usted, confírmela aquí antes del {utc.ToString("d 'de' MMMM 'de' yyyy 'a las' HH:mm", Spanish)} (UTC):
                {link}

                Después, los redactores de la declaración revisarán la firma antes de añadirla a la lista.
                Si no la envió, ignore este mensaje: sin confirmación no se firma nada.

                -- 
                Workflow
                """)
            : ($"Confirm {organisation}'s signature: {title}", $"""
                We received a request for {organisation} to sign the statement "{title}".

                If you sent it, confirm it here before {utc.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} UTC:
                {link}

                The statement's drafters then review the signature before adding it to the list.
                If you did not send it, ignore this message: nothing is signed without confirmation.

                -- 
                Workflow
                """);
    }

    public static (string Subject, string Body) Rejected(string language, string organisation, string title, string? reason) => language == "es"
        ? ($"Firma no aceptada: {title}", $"""
            Estimada organización {organisation}:

            Los redactores de la declaración «{title}» no han añadido su firma a la lista.
            {(reason is null ? "No indicaron el motivo." : $"Motivo: {reason}")}

            -- 
            Workflow
            """)
        : ($"Signature not accepted: {title}", $"""
            Dear {organisation},

            The drafters of the statement "{title}" did not add your organisation's signature to the list.
            {(reason is null ? "They gave no reason." : $"Their reason: {reason}")}

            -- 
            Workflow
            """);
}
