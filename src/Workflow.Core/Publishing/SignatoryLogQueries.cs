using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

public static class SignatoryLogQueries
{
    public const string ProofFormat = "workflow-signatory-list-proof/1";
    public const string ReceiptFormat = "workflow-receipt/1";

    public static async Task<JsonObject> ListProofAsync(this WorkflowDb db, string slug, CancellationToken ct)
    {
        var statement = await db.FindPublishedAsync(slug, ct);
        var textHash = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Number == statement.SignableVersionNumber).Select(v => v.TextHash)
                .SingleAsync(ct);
        var listed = await db.Signatures.AsNoTracking()
            .Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
                && s.ConfirmedVersionNumber == statement.SignableVersionNumber)
            .OrderBy(s => s.Number).ToListAsync(ct);
        var entries = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderBy(e => e.Index)
            .Select(e => new { e.Entry, e.Head }).ToListAsync(ct);

        // The rows in the verifier's own shape: the signer's name and role are not public, so never listed.
        var list = listed.Select(SignatureFacts.Of).Select(f => new ListedSignature(f.Number, f.Name, f.NameEnglish, f.Acronym, f.Country,
            Signer: null, SignerRole: null, f.Phase, f.SignedAt is { } at ? LogEntries.Time(at) : null, f.SignedVersion,
            f.Provenance)).ToList();
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
