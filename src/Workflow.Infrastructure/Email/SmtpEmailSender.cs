using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Workflow.Infrastructure.Email;

/// <summary>Where and how to hand mail to an SMTP server. With no host, mail goes to the pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Hands each message to the configured SMTP server with MailKit, one connection per message. A refusal or a lost
/// connection throws, and the consumer's retries try again; the message id stays the same across attempts.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, Guid messageKey, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        try
        {
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new EmailRejectedException($"The mail server refused the message: {(int)e.StatusCode} {e.Message}", e);
        }
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>The mail server refused the message for good (a 5xx reply, such as an unknown mailbox): trying again will not help.</summary>
public sealed class EmailRejectedException(string message, Exception inner) : Exception(message, inner);
