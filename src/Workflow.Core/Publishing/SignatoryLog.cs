using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>
/// A published statement's list with everything needed to check it without trusting the server: the list as the public
/// sees it, every entry of its signatory log and the latest signed tree head (format <c>workflow-signatory-list-proof/1</c>).
/// </summary>
public sealed record GetListProof(string Slug) : IRequest<JsonObject>;

public sealed class GetListProofHandler(WorkflowDb db) : IRequestHandler<GetListProof, JsonObject>
{
    public async Task<JsonObject> Handle(GetListProof request, CancellationToken ct) => await db.ListProofAsync(request.Slug, ct);
}

/// <summary>
/// The statement's signed tree heads, oldest first, from the one with <paramref name="FromSize"/> leaves on (0: the latest
/// <paramref name="Max"/>): copies anyone may keep.
/// </summary>
public sealed record GetTreeHeads(string Slug, int FromSize = 1, int Max = 1000) : IRequest<IReadOnlyList<JsonNode>>;

public sealed class GetTreeHeadsHandler(WorkflowDb db) : IRequestHandler<GetTreeHeads, IReadOnlyList<JsonNode>>
{
    public async Task<IReadOnlyList<JsonNode>> Handle(GetTreeHeads request, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(request.Slug, ct);
        var max = Math.Clamp(request.Max, 1, 1000);
        var entries = db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id);
        var heads = request.FromSize <= 0
            ? (await entries.OrderByDescending(e => e.Index).Take(max).Select(e => e.Head).ToListAsync(ct)).AsEnumerable().Reverse().ToList()
            : await entries.Where(e => e.Index >= request.FromSize - 1).OrderBy(e => e.Index).Take(max).Select(e => e.Head).ToListAsync(ct);
        return heads.Select(h => JsonNode.Parse(h)!).ToList();
    }
}

/// <summary>RFC 9162 consistency proof: the tree of <paramref name="FirstSize"/> leaves is the start of the tree of <paramref name="SecondSize"/>.</summary>
public sealed record GetConsistencyProof(string Slug, int FirstSize, int SecondSize) : IRequest<LogProof>;

/// <summary>RFC 9162 inclusion proof of the entry at <paramref name="Index"/> in the tree of <paramref name="TreeSize"/> leaves.</summary>
public sealed record GetInclusionProof(string Slug, int Index, int TreeSize) : IRequest<LogProof>;

/// <param name="Entry">The entry proven included (inclusion proofs only).</param>
public sealed record LogProof(int TreeSize, string RootHash, IReadOnlyList<string> Proof, int? FirstSize = null, string? FirstRootHash = null,
    int? Index = null, string? Entry = null);

public sealed class LogProofHandlers(WorkflowDb db) : IRequestHandler<GetConsistencyProof, LogProof>, IRequestHandler<GetInclusionProof, LogProof>
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

    public async Task<LogProof> Handle(GetInclusionProof request, CancellationToken ct)
    {
        var (statementId, leaves) = await LeavesAsync(request.Slug, request.TreeSize, ct);
        if (request.Index < 0 || request.Index >= request.TreeSize)
            throw new DomainRuleException("index", "The entry must be one of the tree's leaves: 0 up to its size minus one.");
        var entry = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statementId && e.Index == request.Index).Select(e => e.Entry).SingleAsync(ct);
        return new LogProof(request.TreeSize, Hex.Of(MerkleTree.Root(leaves, request.TreeSize)),
            MerkleTree.InclusionProof(leaves, request.Index, request.TreeSize).Select(Hex.Of).ToList(), Index: request.Index, Entry: entry);
    }

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

public static class SignatoryLogQueries
{
    public const string ProofFormat = "workflow-signatory-list-proof/1";
    public const string ReceiptFormat = "workflow-receipt/1";

    public static async Task<JsonObject> ListProofAsync(this WorkflowDb db, string slug, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(slug, ct);
        var textHash = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Number == statement.SignableVersionNumber).Select(v => v.TextHash).SingleAsync(ct);
        var listed = await db.Signatures.AsNoTracking()
            .Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active && s.ConfirmedVersionNumber == statement.SignableVersionNumber)
            .OrderBy(s => s.Number).ToListAsync(ct);
        var entries = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderBy(e => e.Index)
            .Select(e => new { e.Entry, e.Head }).ToListAsync(ct);

        // The rows in the verifier's own shape: the signer's name and role are not public, so never listed.
        var list = listed.Select(SignatureFacts.Of).Select(f => new ListedSignature(f.Number, f.Name, f.NameEnglish, f.Acronym, f.Country,
            Signer: null, SignerRole: null, f.Phase, f.SignedAt is { } at ? LogEntries.Time(at) : null, f.SignedVersion, f.Provenance)).ToList();
        return new JsonObject
        {
            ["format"] = ProofFormat,
            ["statement"] = new JsonObject { ["id"] = statement.Id.ToString("D"), ["slug"] = statement.Slug, ["title"] = statement.Title },
            ["list"] = JsonSerializer.SerializeToNode(list),
            ["textHash"] = textHash,
            ["entries"] = new JsonArray(entries.Select(e => (JsonNode)JsonValue.Create(e.Entry)!).ToArray()),
            ["treeHead"] = entries.Count == 0 ? null : JsonNode.Parse(entries[^1].Head),
        };
    }

    /// <summary>
    /// A signature's receipt as a document of its own (<c>workflow-receipt/1</c>): its latest log entry, the inclusion proof of
    /// that entry and the tree head signed right after it. With the public key, anyone checks it offline.
    /// </summary>
    public static JsonObject? ReceiptDocument(LogEntry? entry) => entry is null ? null : new JsonObject
    {
        ["format"] = ReceiptFormat,
        ["entry"] = entry.Entry,
        ["index"] = entry.Index,
        ["inclusionProof"] = new JsonArray(entry.InclusionProof().Select(h => (JsonNode)JsonValue.Create(Hex.Of(h))!).ToArray()),
        ["treeHead"] = JsonNode.Parse(entry.Head),
    };

    public static async Task<JsonObject?> ReceiptDocumentAsync(this WorkflowDb db, Signature signature, CancellationToken ct) =>
        ReceiptDocument(signature.LatestLogEntry ?? (signature.LogIndex is { } index
            ? await db.LogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.StatementId == signature.StatementId && e.Index == index, ct)
            : null));
}
