using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// What the e-mail consumers do around composing their messages: skip the events they handled already (the inbox), write from
/// the service's address, rewrite an event's outbox row without its link token, and send the messages once
/// (<see cref="EmailOnce"/>). The consumers only compose. Scoped: it shares the consumer's <see cref="WorkflowDb"/>, so what a
/// consumer adds to it while composing is saved with the inbox entry.
/// </summary>
public sealed class EventMailer(WorkflowDb db, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>A plain-text message from the service's address (<see cref="EmailOnce.PlainText"/>).</summary>
    public MimeMessage PlainText(MailboxAddress to, string subject, string body) =>
        EmailOnce.PlainText(options.Value.From, to, subject, body);

    /// <summary>As the overload below, for messages composed without waiting.</summary>
    public Task SendOnceAsync<T>(ConsumeContext<T> context, string consumer, Func<T, IReadOnlyList<MimeMessage>> compose,
        Func<T, T?>? withoutToken = null) where T : class =>
        SendOnceAsync(context, consumer, (message, _) => Task.FromResult(compose(message)), withoutToken);

    /// <summary>
    /// Sends the messages one event calls for (none is fine), once, unless this consumer handled the event already; the event's
    /// outbox row loses its token in the same save as the inbox entry (<see cref="DeliveredLinks"/>).
    /// </summary>
    /// <param name="withoutToken">The event with its token field emptied; null (or no function) when it carries no token.</param>
    public async Task SendOnceAsync<T>(ConsumeContext<T> context, string consumer,
        Func<T, CancellationToken, Task<IReadOnlyList<MimeMessage>>> compose, Func<T, T?>? withoutToken = null) where T : class
    {
        if (await context.FirstDeliveryAsync(db, consumer) is not { } messageId) return;
        var ct = context.CancellationToken;
        var messages = await compose(context.Message, ct);
        if (withoutToken?.Invoke(context.Message) is { } scrubbed) await db.ForgetTokenAsync(messageId, scrubbed, ct);
        await sender.SendOnceAsync(db, messageId, consumer, messages, clock.GetUtcNow(), ct);
    }

    /// <summary>As the overload below, for one message per event.</summary>
    /// <param name="compose">An event's message.</param>
    public Task SendBatchOnceAsync<T>(ConsumeContext<Batch<T>> context, string consumer, Func<T, MimeMessage> compose,
        Func<T, T> withoutToken, ILogger log) where T : class =>
        SendBatchOnceAsync(context, consumer, (events, _) => Task.FromResult<IReadOnlyList<MimeMessage>>(events.Select(compose).ToList()),
            withoutToken, log);

    /// <summary>
    /// The batch's way of <see cref="SendOnceAsync{T}(ConsumeContext{T}, string, Func{T, IReadOnlyList{MimeMessage}}, Func{T, T?}?)"/>:
    /// one message per event not handled yet (<see cref="EmailOnce.SendBatchOnceAsync"/>).
    /// </summary>
    /// <param name="compose">The events' messages, one for each event and in the same order.</param>
    /// <param name="withoutToken">An event with its token field emptied.</param>
    /// <param name="log">The consumer's log, for the messages the mail server refuses for good.</param>
    public async Task SendBatchOnceAsync<T>(ConsumeContext<Batch<T>> context, string consumer,
        Func<IReadOnlyList<T>, CancellationToken, Task<IReadOnlyList<MimeMessage>>> compose, Func<T, T> withoutToken,
        ILogger log) where T : class
    {
        var ct = context.CancellationToken;
        var events = await context.Message.FirstDeliveriesAsync(db, consumer, ct);
        if (events.Count == 0) return;
        var messages = await compose(events.Select(e => e.Message).ToList(), ct);
        var mails = events.Zip(messages, (e, message) => (e.MessageId, message, (object)withoutToken(e.Message))).ToList();
        await sender.SendBatchOnceAsync(db, consumer, mails, clock, log, ct);
    }
}
