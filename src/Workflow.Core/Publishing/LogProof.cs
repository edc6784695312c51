namespace Workflow.Core.Publishing;

/// <param name="Entry">The entry proven included (inclusion proofs only).</param>
public sealed record LogProof(int TreeSize, string RootHash, IReadOnlyList<string> Proof, int? FirstSize = null,
    string? FirstRootHash = null,
    int? Index = null, string? Entry = null);
