using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Audit;

public sealed record AuditLogEntry(long Id, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Payload);

/// <summary>Everything that happened to a statement, as the audit consumer recorded it, oldest first: for those who see its personal
/// data.</summary>
public sealed record GetAuditLog(string UserId, Guid StatementId) : IRequest<IReadOnlyList<AuditLogEntry>>;

public sealed class GetAuditLogHandler(WorkflowDb db) : IRequestHandler<GetAuditLog, IReadOnlyList<AuditLogEntry>>
{
    public async Task<IReadOnlyList<AuditLogEntry>> Handle(GetAuditLog request, CancellationToken ct)
    {
        await db.LoadForPersonalDataAsync(request.StatementId, request.UserId, ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.StatementId == request.StatementId)
            // When it happened, not when the consumer got to it: consumers may take events out of order.
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new AuditLogEntry(a.Id, a.EventType, a.OccurredAt, a.RecordedAt, a.Payload))
            .ToListAsync(ct);
    }
}
