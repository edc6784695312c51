using System.Globalization;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The invitation e-mails in each language we write to organisations in (English, Spanish). Plain text:
/// the organisation's name and the statement's title are inserted as they are and can never become markup.
/// </summary>
internal static class InvitationEmailTexts
{
    public sealed record Text(string Subject, string Body);

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    public static Text Invitation(string language, string organisation, string title, string link) => language == "es"
        ? new($"Invitación a firmar: {title}", $"""
            Estimada organización {organisation}:

            Le invitamos a firmar la declaración «{title}».

            Lea el texto exacto y fírmelo o decline la invitación aquí:
            {link}
            {FooterEs}
            """)
        : new($"Invitation to sign: {title}", $"""
            Dear {organisation},

            You are invited to sign the statement "{title}".

            Read the exact text and sign or decline it here:
            {link}
            {FooterEn}
            """);

    public static Text Resent(string language, string organisation, string title, string link) => language == "es"
        ? new($"Invitación a firmar (nuevo enlace): {title}", $"""
            Estimada organización {organisation}:

            Este es un nuevo enlace para leer y firmar, o declinar, la declaración «{title}».
            Sustituye al enlace que le enviamos antes, que ya no funciona:
            {link}
            {FooterEs}
            """)
        : new($"Invitation to sign (new link): {title}", $"""
            Dear {organisation},

            Here is a new link to read and sign, or decline, the statement "{title}".
            It replaces the link sent to you earlier, which no longer works:
            {link}
            {FooterEn}
            """);

    public static Text Reminder(string language, string organisation, string title, DateTimeOffset deadline, string link)
    {
        var utc = deadline.UtcDateTime;
        return language == "es"
            ? new($"Recordatorio: las firmas de «{title}» se cierran el {utc.ToString("d 'de' MMMM 'de' yyyy", Spanish)}", $"""
                Estimada organización {organisation}:

                Le recordamos que las firmas de la declaración «{title}» se cierran el {utc.ToString("d 'de' MMMM 'de' yyyy 'a las' HH:mm", Spanish)} (UTC).

                Lea el texto exacto y fírmelo o decline la invitación aquí. Este enlace sustituye al que le enviamos antes, que ya no funciona:
                {link}
                {FooterEs}
                """)
            : new($"Reminder: signatures for \"{title}\" close on {utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", $"""
                Dear {organisation},

                This is a reminder that signatures for the statement "{title}" close on {utc.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} UTC.

                Read the exact text and sign or decline it here. This link replaces the one sent to you earlier, which no longer works:
                {link}
                {FooterEn}
                """);
    }

    private const string FooterEn = """

        This link is personal to your organisation. Anyone who has it can sign in your name, so please do not forward it.

        -- 
        Workflow
        """;

    private const string FooterEs = """

        Este enlace es personal de su organización. Quien lo tenga puede firmar en su nombre: por favor, no lo reenvíe.

        -- 
        Workflow
        """;
}
