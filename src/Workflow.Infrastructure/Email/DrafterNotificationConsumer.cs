using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Core.Notifications;
using Workflow.Core.Endorsements;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Tells a statement's owners and editors, as each of them chose, that an invited organisation signed or declined, or that a
/// sign-on awaits their approval: an e-mail now, or an item of the next daily summary (stored with the inbox entry).
/// </summary>
public sealed class DrafterNotificationConsumer(EventMailer mailer, WorkflowDb db, EmailLinks links, IOptions<EmailOptions> options)
    : IConsumer<SignatureRecorded>, IConsumer<EndorsementDeclined>, IConsumer<SignOnConfirmed>
{
    public const string Name = "drafter-notifications";

    /// <remarks>
    /// Only signatures through an invitation: a signature the drafters recorded or approved themselves is news to nobody
    /// who would be told.
    /// </remarks>
    public Task Consume(ConsumeContext<SignatureRecorded> context) =>
        context.Message.EndorsementRequestId is null
            ? Task.CompletedTask
            : NotifyAsync(context, (title, _) => Task.FromResult<DrafterNotice?>(
                DrafterNotice.Signed(context.Message.StatementId, title, context.Message.OrganisationName, context.Message.OccurredAt)));

    public Task Consume(ConsumeContext<EndorsementDeclined> context) => NotifyAsync(context, async (title, ct) =>
    {
        var declined = context.Message;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == declined.OrganisationId)
            .Select(o => o.Name).SingleAsync(ct);
        return (DrafterNotice?)DrafterNotice.Declined(declined.StatementId, title, organisation, declined.Reason, declined.OccurredAt);
    });

    public Task Consume(ConsumeContext<SignOnConfirmed> context) => NotifyAsync(context, async (title, ct) =>
    {
        var entry = await db.SignOnEntries.AsNoTracking().SingleAsync(e => e.Id == context.Message.SignOnId, ct);
        // Decided already (the moderators can be quicker than the bus): nothing waits any more.
        return entry.State == SignOnState.AwaitingModeration
            ? DrafterNotice.SignOnAwaitsApproval(entry.StatementId, title, entry.Name, context.Message.OccurredAt)
            : null;
    });

    private Task NotifyAsync<T>(ConsumeContext<T> context, Func<string, CancellationToken, Task<DrafterNotice?>> noticeOf)
        where T : class, IStatementEvent =>
        mailer.SendOnceAsync(context, Name, async (statementEvent, ct) =>
        {
            var title = await db.Statements.AsNoTracking().Where(s => s.Id == statementEvent.StatementId)
                .Select(s => s.Title).SingleAsync(ct);
            var notice = await noticeOf(title, ct);
            return notice is null ? [] : new DrafterNotificationMail(links, options.Value.From)
                .Deliver(db, notice, await db.RecipientsAsync(notice.StatementId, ct));
        });
}
