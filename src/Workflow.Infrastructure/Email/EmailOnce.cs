using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Infrastructure.Email;

internal static class EmailOnce
{
    /// <summary>
    /// Sends the messages an event calls for, once: the inbox skips a redelivered event, and each message's file
    /// and Message-Id are keyed by the event and the recipient. In the pickup folder a crash between sending and
    /// recording rewrites the same file; over SMTP it can send the message again, with the same Message-Id.
    /// What the consumer changed in <paramref name="db"/> beforehand is saved with the inbox entry, only once the messages are sent.
    /// </summary>
    public static async Task SendOnceAsync(this IEmailSender sender, WorkflowDb db, Guid messageId, string consumer,
        IEnumerable<MimeMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        var index = 0;
        foreach (var message in messages)
        {
            var key = index++ == 0 ? messageId : DeterministicGuid(messageId, index);
            message.MessageId = $"{key:N}@workflow";
            await sender.SendAsync(message, key, ct);
        }
        await db.SaveProcessedAsync(messageId, consumer, now, ct);
    }

    /// <summary>
    /// How the consumers of the e-mails that come in crowds (sign-on confirmations, first invitations, receipts) take them: up to
    /// 100 a batch, two batches at once; a lone event waits 20 ms for company.
    /// </summary>
    public static void Batching(BatchOptions batch) => batch.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(20))
        .SetConcurrencyLimit(2);

    /// <summary>
    /// The batch's way of <see cref="SendOnceAsync"/>: one message per event, sent in order; the inbox entries of those sent and
    /// their outbox rows rewritten without the token saved in one transaction. A message the mail server refuses for good (an
    /// unknown mailbox: a public form's typo, or an abuser's) counts as handled, with a warning: sending it again would not
    /// deliver it, and failing the batch for it would send its batch-mates again at each retry. A failure for now (the server
    /// down) saves what went out before it, then fails the batch: the bus retries it, and the inbox skips what was saved.
    /// </summary>
    /// <param name="mails">Each event's message id, its message, and the event as raised with its token emptied.</param>
    public static async Task SendBatchOnceAsync(this IEmailSender sender, WorkflowDb db, string consumer,
        IReadOnlyList<(Guid MessageId, MimeMessage Message, object WithoutToken)> mails, TimeProvider clock, ILogger log,
        CancellationToken ct)
    {
        var (handled, failedForNow) = await sender.SendInOrderAsync(mails.Select(m => (Mail: m, m.MessageId, m.Message)).ToList(),
            clock, ct);
        foreach (var (mail, refusal, _) in handled)
            if (refusal is not null)
                log.LogWarning(refusal,
                    "The mail server refused the {Consumer} message of event {MessageId} for good; it is not sent again",
                    consumer, mail.MessageId);
        if (handled.Count > 0)
        {
            await db.ForgetTokensAsync(handled.Select(h => (h.Mail.MessageId, h.Mail.WithoutToken)).ToList(), ct);
            foreach (var (mail, _, at) in handled) db.MarkProcessed(mail.MessageId, consumer, at);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A duplicate of one of these events, delivered at the same moment, saved first: the batch is retried and the inbox sorts
                // it out.
                db.ChangeTracker.Clear();
                throw;
            }
        }
        if (failedForNow is { } failed) ExceptionDispatchInfo.Capture(failed.Error).Throw();
    }

    /// <summary>What became of one message <see cref="SendInOrderAsync"/> sent: delivered (<paramref name="Refusal"/> null), or refused for
    /// good.</summary>
    public sealed record Outcome<T>(T Mail, EmailRejectedException? Refusal, DateTimeOffset At);

    /// <summary>
    /// Sends the messages in order, each with its Message-Id made from its event's. A message the mail server refuses for good (an
    /// unknown mailbox: a public form's typo, or an abuser's) is handled all the same, with the refusal: sending it again would not
    /// deliver it. A failure for now (the server down) stops the sending: what went before is in <c>Handled</c>, the message that
    /// failed and why in <c>FailedForNow</c>, and those after it are not tried. The caller records what was handled, then lets the bus
    /// retry the failure.
    /// </summary>
    public static async Task<(List<Outcome<T>> Handled, (T Mail, Exception Error)? FailedForNow)> SendInOrderAsync<T>(
        this IEmailSender sender, IReadOnlyList<(T Mail, Guid MessageId, MimeMessage Message)> messages, TimeProvider clock,
        CancellationToken ct)
    {
        var handled = new List<Outcome<T>>(messages.Count);
        foreach (var (mail, messageId, message) in messages)
        {
            message.MessageId = $"{messageId:N}@workflow";
            try
            {
                await sender.SendAsync(message, messageId, ct);
                handled.Add(new(mail, Refusal: null, clock.GetUtcNow()));
            }
            catch (EmailRejectedException e)
            {
                handled.Add(new(mail, e, clock.GetUtcNow()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (handled, (mail, e));
            }
        }
        return (handled, null);
    }

    /// <summary>
    /// The events of a batch this consumer has not handled yet, each once, with its message id: a batch may hold a redelivery, or the
    /// same event twice.
    /// </summary>
    public static async Task<List<(Guid MessageId, T Message)>> FirstDeliveriesAsync<T>(this Batch<T> batch, WorkflowDb db, string consumer,
        CancellationToken ct) where T : class
    {
        var events = batch.Select(context =>
            (MessageId: context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id."),
            context.Message)).DistinctBy(e => e.MessageId).ToList();
        var ids = events.Select(e => e.MessageId).ToList();
        var handled = (await db.ProcessedMessages.Where(p => p.Consumer == consumer && EF.Parameter(ids).Contains(p.MessageId))
            .Select(p => p.MessageId).ToListAsync(ct)).ToHashSet();
        return events.Where(e => !handled.Contains(e.MessageId)).ToList();
    }

    /// <summary>The message's id, or null when this consumer has handled it already (a redelivery).</summary>
    public static async Task<Guid?> FirstDeliveryAsync<T>(this MassTransit.ConsumeContext<T> context, WorkflowDb db,
        string consumer) where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id.");
        return await db.AlreadyProcessedAsync(messageId, consumer, context.CancellationToken) ? null : messageId;
    }

    /// <remarks>
    /// The names and titles in the subject, the recipient's name and the body are made one line by the callers
    /// (<see cref="SingleLineText.Flatten"/>): one stored before names had to be one line must add no header and no line.
    /// The subject and the recipient's name are flattened here again, as headers are where a line break does the most harm.
    /// </remarks>
    public static MimeMessage PlainText(string from, MailboxAddress to, string subject, string body) => new()
    {
        From = { MailboxAddress.Parse(from) },
        To = { new MailboxAddress(SingleLineText.Flatten(to.Name ?? ""), to.Address) },
        Subject = SingleLineText.Flatten(subject),
        // Plain text only: no user-supplied value can become markup in the recipient's mail program.
        Body = new TextPart("plain") { Text = body },
    };

    private static Guid DeterministicGuid(Guid seed, int index)
    {
        var bytes = seed.ToByteArray();
        bytes[^1] ^= (byte)index;
        bytes[^2] ^= (byte)(index >> 8);
        return new Guid(bytes);
    }
}
