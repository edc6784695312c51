using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>
/// Statements signed before signatory logs existed get one at start-up: the text open for signature, each signature as it
/// stands (<c>"change": "before-log"</c>) and the publication. Their proof starts there; what happened before is not in it.
/// </summary>
public static class StartMissingLogs
{
    public static async Task<int> RunAsync(WorkflowDb db, TreeHeadSigner signer, TimeProvider clock, CancellationToken ct)
    {
        var statements = await db.Statements.Where(s => s.SignableVersionNumber != null && !db.LogEntries.Any(e => e.StatementId == s.Id))
            .ToListAsync(ct);
        foreach (var statement in statements)
        {
            var now = clock.GetUtcNow();
            var version = await db.StatementVersions.AsNoTracking().SingleAsync(v => v.StatementId == statement.Id
                && v.Number == statement.SignableVersionNumber, ct);
            LogEntry? last = null;
            void Append(LogEntryType type, Guid? signatureId, Func<int, string> entryAt)
            {
                last = LogEntry.After(last, statement.Id, type, signatureId, entryAt, signer, now);
                db.LogEntries.Add(last);
            }
            Append(LogEntryType.Text, null, index => LogEntries.Text(statement.Id, index, now, version.Number, version.TextHash));
            foreach (var signature in await db.Signatures.Where(s => s.StatementId == statement.Id).OrderBy(s => s.Number).ToListAsync(ct))
            {
                var facts = SignatureFacts.Of(signature);
                Append(LogEntryType.Signature, signature.Id, index => LogEntries.Signature(statement.Id, index, now, "before-log", facts));
                signature.MarkInLog(last!);
            }
            if (statement.State is StatementState.Published or StatementState.Closed or StatementState.Withdrawn)
                Append(LogEntryType.Publication, null, index => LogEntries.Publication(statement.Id, index, now, statement.State.ToString(),
                    statement.PublishedAt, statement.AllowsFurtherSignatories));
        }
        if (statements.Count > 0) await db.SaveChangesAsync(ct);
        return statements.Count;
    }
}
