using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>RFC 9162 inclusion proof of the entry at <paramref name="Index"/> in the tree of <paramref name="TreeSize"/> leaves.</summary>
public sealed record GetInclusionProof(string Slug, int Index, int TreeSize) : IRequest<LogProof>;

public sealed partial class LogProofHandlers : IRequestHandler<GetInclusionProof, LogProof>
{
    public async Task<LogProof> Handle(GetInclusionProof request, CancellationToken ct)
    {
        var (statementId, leaves) = await LeavesAsync(request.Slug, request.TreeSize, ct);
        if (request.Index < 0 || request.Index >= request.TreeSize)
            throw new DomainRuleException("index", "The entry must be one of the tree's leaves: 0 up to its size minus one.");
        var entry = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statementId && e.Index == request.Index)
            .Select(e => e.Entry).SingleAsync(ct);
        return new LogProof(request.TreeSize, Hex.Of(MerkleTree.Root(leaves, request.TreeSize)),
            MerkleTree.InclusionProof(leaves, request.Index, request.TreeSize).Select(Hex.Of).ToList(), Index: request.Index, Entry: entry);
    }
}
