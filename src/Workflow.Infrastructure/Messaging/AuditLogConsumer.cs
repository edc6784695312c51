using System.Text.Json;
using MassTransit;
using Workflow.Contracts;
using Workflow.Core.Audit;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Messaging;

/// <summary>Records every event in the audit log, once per message.</summary>
public sealed class AuditLogConsumer(WorkflowDb db, TimeProvider clock) :
    IConsumer<StatementDrafted>, IConsumer<DraftRevised>, IConsumer<StatementOpenedForSignature>,
    IConsumer<EndorsementRequested>, IConsumer<InvitationHeld>, IConsumer<EndorsementRequestRevoked>, IConsumer<SignatureRecorded>,
    IConsumer<EndorsementDeclined>, IConsumer<StatementPublished>, IConsumer<StatementClosed>, IConsumer<StatementWithdrawn>,
    IConsumer<SignatureWithdrawn>, IConsumer<SignatureInvalidated>, IConsumer<SignatoryNameCorrected>, IConsumer<SignatoryCorrectedOwnName>,
    IConsumer<InvitationOpened>, IConsumer<InvitationDelivered>, IConsumer<InvitationDeliveryFailed>, IConsumer<InvitationResent>,
    IConsumer<EndorsementReminderDue>, IConsumer<EndorsementRequestExpired>, IConsumer<SignatureDeadlineSet>,
    IConsumer<OrganisationsMerged>, IConsumer<OpenSignOnChanged>, IConsumer<SignOnSubmitted>, IConsumer<SignOnConfirmed>,
    IConsumer<SignOnApproved>, IConsumer<SignOnRejected>, IConsumer<CollaboratorInvited>, IConsumer<CollaboratorAdded>,
    IConsumer<CollaboratorRoleChanged>, IConsumer<CollaboratorRemoved>, IConsumer<VersionRestored>, IConsumer<SignableTextChanged>,
    IConsumer<ReconfirmationRequested>, IConsumer<SignatureReconfirmed>, IConsumer<CommentAdded>, IConsumer<CommentResolved>,
    IConsumer<AmendmentProposed>, IConsumer<AmendmentAccepted>, IConsumer<AmendmentRejected>, IConsumer<TranslationAdded>,
    IConsumer<TranslationMarkedStale>, IConsumer<InitiatorsSet>,
    IConsumer<PublicationDetailsSet>, IConsumer<InvitationReminded>, IConsumer<SignatureReceiptDue>
{
    public const string Name = "audit-log";

    public Task Consume(ConsumeContext<StatementDrafted> context) => Record(context);
    public Task Consume(ConsumeContext<DraftRevised> context) => Record(context);
    public Task Consume(ConsumeContext<StatementOpenedForSignature> context) => Record(context);
    // The encrypted token is the e-mail's business; the audit log has no use for it.
    public Task Consume(ConsumeContext<EndorsementRequested> context) => Record(context, context.Message with { ProtectedSigningToken = "" });
    public Task Consume(ConsumeContext<InvitationHeld> context) => Record(context);
    public Task Consume(ConsumeContext<InvitationReminded> context) => Record(context, context.Message with { ProtectedSigningToken = "" });
    public Task Consume(ConsumeContext<SignatureReceiptDue> context) => Record(context, context.Message with { ProtectedToken = "" });
    public Task Consume(ConsumeContext<EndorsementRequestRevoked> context) => Record(context);
    public Task Consume(ConsumeContext<SignatureRecorded> context) => Record(context);
    public Task Consume(ConsumeContext<EndorsementDeclined> context) => Record(context);
    public Task Consume(ConsumeContext<StatementPublished> context) => Record(context);
    public Task Consume(ConsumeContext<PublicationDetailsSet> context) => Record(context);
    public Task Consume(ConsumeContext<StatementClosed> context) => Record(context);
    public Task Consume(ConsumeContext<StatementWithdrawn> context) => Record(context);
    public Task Consume(ConsumeContext<SignatureWithdrawn> context) => Record(context);
    public Task Consume(ConsumeContext<SignatureInvalidated> context) => Record(context);
    public Task Consume(ConsumeContext<SignatoryNameCorrected> context) => Record(context);
    public Task Consume(ConsumeContext<SignatoryCorrectedOwnName> context) => Record(context);
    public Task Consume(ConsumeContext<InvitationOpened> context) => Record(context);
    public Task Consume(ConsumeContext<InvitationDelivered> context) => Record(context);
    public Task Consume(ConsumeContext<InvitationDeliveryFailed> context) => Record(context);
    public Task Consume(ConsumeContext<InvitationResent> context) => Record(context, context.Message with { ProtectedSigningToken = "" });
    public Task Consume(ConsumeContext<EndorsementReminderDue> context) => Record(context, context.Message with { ProtectedSigningToken = "" });
    public Task Consume(ConsumeContext<EndorsementRequestExpired> context) => Record(context);
    public Task Consume(ConsumeContext<SignatureDeadlineSet> context) => Record(context);
    public Task Consume(ConsumeContext<OpenSignOnChanged> context) => Record(context);
    public Task Consume(ConsumeContext<SignOnSubmitted> context) => Record(context, context.Message with { ProtectedConfirmationToken = "" });
    public Task Consume(ConsumeContext<SignOnConfirmed> context) => Record(context);
    public Task Consume(ConsumeContext<SignOnApproved> context) => Record(context);
    public Task Consume(ConsumeContext<SignOnRejected> context) => Record(context);
    public Task Consume(ConsumeContext<CollaboratorInvited> context) => Record(context, context.Message with { ProtectedToken = "" });
    public Task Consume(ConsumeContext<CollaboratorAdded> context) => Record(context);
    public Task Consume(ConsumeContext<CollaboratorRoleChanged> context) => Record(context);
    public Task Consume(ConsumeContext<CollaboratorRemoved> context) => Record(context);
    public Task Consume(ConsumeContext<VersionRestored> context) => Record(context);
    public Task Consume(ConsumeContext<SignableTextChanged> context) => Record(context);
    public Task Consume(ConsumeContext<ReconfirmationRequested> context) => Record(context, context.Message with { ProtectedToken = null });
    public Task Consume(ConsumeContext<SignatureReconfirmed> context) => Record(context);
    public Task Consume(ConsumeContext<CommentAdded> context) => Record(context);
    public Task Consume(ConsumeContext<CommentResolved> context) => Record(context);
    public Task Consume(ConsumeContext<AmendmentProposed> context) => Record(context);
    public Task Consume(ConsumeContext<AmendmentAccepted> context) => Record(context);
    public Task Consume(ConsumeContext<AmendmentRejected> context) => Record(context);
    public Task Consume(ConsumeContext<TranslationAdded> context) => Record(context);
    public Task Consume(ConsumeContext<TranslationMarkedStale> context) => Record(context);
    public Task Consume(ConsumeContext<InitiatorsSet> context) => Record(context);
    // A merge touches the directory and every statement whose signatures or invitations moved: each one's log shows it.
    public Task Consume(ConsumeContext<OrganisationsMerged> context) =>
        Record(context, context.Message, context.Message.StatementIds.Count == 0 ? [null] : context.Message.StatementIds.Select(id => (Guid?)id).ToList());

    private Task Record<T>(ConsumeContext<T> context, T? recorded = null) where T : class, IStatementEvent
    {
        var message = recorded ?? context.Message;
        return Record(context, message, [message.StatementId]);
    }

    private async Task Record<T>(ConsumeContext<T> context, T message, IReadOnlyList<Guid?> statementIds) where T : class, IWorkflowEvent
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("An event arrived without a message id.");
        if (await db.AlreadyProcessedAsync(messageId, Name, context.CancellationToken)) return;

        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(message, WorkflowDb.EventJson);
        foreach (var statementId in statementIds)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                MessageId = messageId,
                StatementId = statementId,
                EventType = typeof(T).Name,
                Payload = payload,
                OccurredAt = message.OccurredAt,
                RecordedAt = now,
            });
        }
        await db.SaveProcessedAsync(messageId, Name, now, context.CancellationToken);
    }
}
