using Microsoft.Extensions.Options;
using MimeKit;

namespace Workflow.Infrastructure.Email;

public interface IEmailSender
{
    /// <param name="messageKey">Identifies the message: sending the same key twice delivers it once.</param>
    Task SendAsync(MimeMessage message, Guid messageKey, CancellationToken ct);
}

/// <summary>Writes each message as an .eml file named by its key, so a repeated send overwrites rather than duplicates.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, Guid messageKey, CancellationToken ct)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{messageKey:N}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true); // a reader of the folder never sees half a message
    }
}
