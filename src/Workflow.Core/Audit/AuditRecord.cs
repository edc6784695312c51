using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflow.Contracts;

namespace Workflow.Core.Audit;

/// <summary>
/// The audit log's entries for the events a save raises: written by <see cref="Data.WorkflowDb"/> in the same transaction as
/// the change and its outbox rows, so the log is never behind the database and no event is audited twice.
/// </summary>
public static class AuditRecord
{
    /// <summary>
    /// The events' JSON with every encrypted link token (the properties named Protected…) blanked: the token is the e-mail's
    /// business, and the audit log keeps it for no one.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { BlankProtectedTokens } },
    };

    public static IEnumerable<AuditEntry> For(IWorkflowEvent raised, Guid messageId, DateTimeOffset recordedAt)
    {
        var payload = JsonSerializer.Serialize(raised, raised.GetType(), Json);
        // A merge touches the directory and every statement whose signatures or invitations moved: each one's log shows it.
        IReadOnlyList<Guid?> statementIds = raised switch
        {
            OrganisationsMerged { StatementIds.Count: > 0 } merged => merged.StatementIds.Select(id => (Guid?)id).ToList(),
            IStatementEvent statementEvent => [statementEvent.StatementId],
            _ => [null],
        };
        return statementIds.Select(statementId => new AuditEntry
        {
            MessageId = messageId,
            StatementId = statementId,
            EventType = raised.GetType().Name,
            Payload = payload,
            OccurredAt = raised.OccurredAt,
            RecordedAt = recordedAt,
        });
    }

    private static void BlankProtectedTokens(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !typeof(IWorkflowEvent).IsAssignableFrom(type.Type)) return;
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) || !property.Name.StartsWith("protected", StringComparison.Ordinal)
                || property.Get is not { } get) continue;
            property.Get = e => get(e) is null ? null : "";
        }
    }
}
