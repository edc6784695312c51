using MediatR;
using Workflow.Core.Common;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>RFC 9162 consistency proof: the tree of <paramref name="FirstSize"/> leaves is the start of the tree of
/// <paramref name="SecondSize"/>.</summary>
public sealed record GetConsistencyProof(string Slug, int FirstSize, int SecondSize) : IRequest<LogProof>;

public sealed partial class LogProofHandlers : IRequestHandler<GetConsistencyProof, LogProof>
{
    public async Task<LogProof> Handle(GetConsistencyProof request, CancellationToken ct)
    {
        var (_, leaves) = await LeavesAsync(request.Slug, request.SecondSize, ct);
        if (request.FirstSize < 1 || request.FirstSize > request.SecondSize)
            throw new DomainRuleException("first", "The first tree must have at least one leaf and no more than the second.");
        var proof = MerkleTree.ConsistencyProof(leaves, request.FirstSize, request.SecondSize);
        return new LogProof(request.SecondSize, Hex.Of(MerkleTree.Root(leaves, request.SecondSize)), proof.Select(Hex.Of).ToList(),
            request.FirstSize, Hex.Of(MerkleTree.Root(leaves, request.FirstSize)));
    }
}
