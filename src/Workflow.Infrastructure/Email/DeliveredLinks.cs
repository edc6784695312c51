using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// A link's token rides in its event (encrypted) only as far as the e-mail that carries it. Once the e-mail consumer has
/// sent it, or the recipient's server refused it for good, the event's row in the outbox is rewritten without the token,
/// in the same save as the consumer's inbox entry: a copy of the database then holds no link that still works, only the
/// tokens' hashes. Until then the row keeps it, so that a retry, or the in-memory transport's republication after a
/// restart, can still send the e-mail. (The dispatcher saves only the columns it changes, so it never writes the token back.)
/// </summary>
internal static class DeliveredLinks
{
    /// <param name="withoutToken">The event as it was raised, with its token field emptied.</param>
    public static async Task ForgetTokenAsync<T>(this WorkflowDb db, Guid messageId, T withoutToken, CancellationToken ct) where T : class
    {
        var row = await db.OutboxMessages.SingleOrDefaultAsync(m => m.MessageId == messageId, ct);
        if (row is not null) row.Payload = JsonSerializer.Serialize(withoutToken, typeof(T), WorkflowDb.EventJson);
    }
}
