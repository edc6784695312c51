using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// A link's token rides in its event (encrypted) only as far as the e-mail that carries it. Once the e-mail consumer has
/// sent it, or the recipient's server refused it for good, the event's row in the outbox is rewritten without the token,
/// in the same save as the consumer's inbox entry: a copy of the database then holds no link that still works, only the
/// tokens' hashes. Until then the row keeps it, so that a retry, or the in-memory transport's republication after a
/// restart, can still send the e-mail. (The dispatcher saves only the columns it changes, so it never writes the token back.)
/// </summary>
public static class DeliveredLinks
{
    private static readonly string[] EmailConsumers =
        [InvitationEmailConsumer.Name, SignOnEmailConsumer.Name, CollaboratorEmailConsumer.Name, ReconfirmationEmailConsumer.Name,
        ReceiptEmailConsumer.Name];

    // Every data-protection payload starts with the same magic header, which base64url writes as CfDJ8.
    private const string ProtectedValueStart = "\"CfDJ8";

    /// <param name="withoutToken">The event as it was raised, with its token field emptied.</param>
    internal static Task ForgetTokenAsync<T>(this WorkflowDb db, Guid messageId, T withoutToken, CancellationToken ct) where T : class =>
        db.ForgetTokensAsync([(messageId, withoutToken)], ct);

    /// <summary>The batch's way of <see cref="ForgetTokenAsync{T}"/>: the outbox rows of every event read at once.</summary>
    /// <param name="events">Each event's message id, and the event as it was raised with its token field emptied.</param>
    internal static async Task ForgetTokensAsync(this WorkflowDb db, IReadOnlyList<(Guid MessageId, object WithoutToken)> events,
        CancellationToken ct)
    {
        if (events.Count == 0) return;
        var ids = events.Select(e => e.MessageId).ToList();
        var rows = await db.OutboxMessages.Where(m => EF.Parameter(ids).Contains(m.MessageId)).ToDictionaryAsync(m => m.MessageId, ct);
        foreach (var (messageId, withoutToken) in events)
            if (rows.TryGetValue(messageId, out var row)) row.Payload = JsonSerializer.Serialize(withoutToken, withoutToken.GetType(),
                WorkflowDb.EventJson);
    }

    /// <summary>
    /// At start-up: the outbox rows whose e-mail went out before the consumers forgot tokens (an earlier version) lose theirs.
    /// </summary>
    /// <returns>How many rows were rewritten.</returns>
    public static async Task<int> ForgetDeliveredTokensAsync(this WorkflowDb db, CancellationToken ct)
    {
        var forgotten = 0;
        var after = 0L;
        while (true)
        {
            var batch = await db.OutboxMessages
                .Where(m => m.Sequence > after && m.Payload.Contains(ProtectedValueStart)
                    && db.ProcessedMessages.Any(p => p.MessageId == m.MessageId && EmailConsumers.Contains(p.Consumer)))
                .OrderBy(m => m.Sequence).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return forgotten;
            foreach (var row in batch)
            {
                if (WithoutToken(row) is not { } scrubbed) continue;
                row.Payload = JsonSerializer.Serialize(scrubbed, scrubbed.GetType(), WorkflowDb.EventJson);
                forgotten++;
            }
            await db.SaveChangesAsync(ct);
            after = batch[^1].Sequence;
            db.ChangeTracker.Clear();
        }
    }

    private static object? WithoutToken(OutboxMessage row)
    {
        T Read<T>() => JsonSerializer.Deserialize<T>(row.Payload, WorkflowDb.EventJson)!;
        return row.Type switch
        {
            var t when t == typeof(EndorsementRequested).FullName => Read<EndorsementRequested>() with { ProtectedSigningToken = "" },
            var t when t == typeof(InvitationResent).FullName => Read<InvitationResent>() with { ProtectedSigningToken = "" },
            var t when t == typeof(EndorsementReminderDue).FullName => Read<EndorsementReminderDue>() with { ProtectedSigningToken = "" },
            var t when t == typeof(InvitationReminded).FullName => Read<InvitationReminded>() with { ProtectedSigningToken = "" },
            var t when t == typeof(SignatureReceiptDue).FullName => Read<SignatureReceiptDue>() with { ProtectedToken = "" },
            var t when t == typeof(SignOnSubmitted).FullName => Read<SignOnSubmitted>() with { ProtectedConfirmationToken = "" },
            var t when t == typeof(CollaboratorInvited).FullName => Read<CollaboratorInvited>() with { ProtectedToken = "" },
            var t when t == typeof(ReconfirmationRequested).FullName => Read<ReconfirmationRequested>() with { ProtectedToken = null },
            _ => null,
        };
    }
}
