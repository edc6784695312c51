using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>The handlers of the two log proofs (one file each, GetConsistencyProof and GetInclusionProof) share how the log's leaves are
/// read.</summary>
public sealed partial class LogProofHandlers(WorkflowDb db)
{
    private async Task<(Guid StatementId, List<byte[]> Leaves)> LeavesAsync(string slug, int size, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(slug, ct);
        var leaves = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id && e.Index < size).OrderBy(e => e.Index)
            .Select(e => e.LeafHash).ToListAsync(ct);
        if (size < 1 || leaves.Count < size)
            throw new DomainRuleException("treeSize", $"The log has {leaves.Count} entries: a tree can have 1 to {leaves.Count} leaves.");
        return (statement.Id, leaves.Select(Hex.Parse).ToList());
    }
}
