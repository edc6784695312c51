using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Messaging;

/// <summary>The consumers' side of "exactly once": a message id is handled by each consumer at most once.</summary>
internal static class Inbox
{
    public static Task<bool> AlreadyProcessedAsync(this WorkflowDb db, Guid messageId, string consumer, CancellationToken ct) =>
        db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, ct);

    public static void MarkProcessed(this WorkflowDb db, Guid messageId, string consumer, DateTimeOffset now) =>
        db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = now });

    /// <summary>
    /// Saves the consumer's work together with its inbox entry. When a duplicate delivered at the same
    /// moment saved first, the key on the inbox rejects this save and nothing of it is kept.
    /// </summary>
    public static async Task SaveProcessedAsync(this WorkflowDb db, Guid messageId, string consumer, DateTimeOffset now,
        CancellationToken ct)
    {
        db.MarkProcessed(messageId, consumer, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.AlreadyProcessedAsync(messageId, consumer, ct)) throw;
        }
    }
}
