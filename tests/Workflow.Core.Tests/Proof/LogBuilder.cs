using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Proof;

namespace Workflow.Core.Tests.Proof;

/// <summary>
/// Builds a statement's log the way the server is specified to: entries as JSON strings, heads signed with a fresh
/// key, and the list export from its own model of the signatures (not from the fold it is meant to check).
/// </summary>
internal sealed class LogBuilder
{
    private readonly List<string> entries = [];
    private readonly Dictionary<Guid, Signature> signatures = [];
    private DateTimeOffset clock = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private string? text;
    private int textVersion;

    public LogBuilder(TreeHeadSigner? signer = null) => Signer = signer ?? new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public Guid Statement { get; } = Guid.NewGuid();
    public TreeHeadSigner Signer { get; }
    public IReadOnlyList<string> Entries => entries;
    public string? TextHash => text;

    public sealed record Signature(
        Guid Id, int Number, Guid Organisation, string Name, string? NameEnglish, string? Acronym, string? Country, string? Signer,
        string? SignerRole, string Phase, DateTimeOffset? SignedAt, int SignedVersion, string SignedTextHash, int ConfirmedVersion,
        string ConfirmedTextHash, string Status, string? Reason, string ProvenanceKind, string? EmailDomain);

    public LogBuilder OpenText()
    {
        textVersion++;
        text = Hex.Of(SHA256.HashData(Encoding.UTF8.GetBytes($"text {textVersion} of {Statement}")));
        Append(new JsonObject { ["type"] = "text", ["version"] = textVersion, ["textHash"] = text });
        return this;
    }

    public LogBuilder Publish(string state = "Published")
    {
        Append(new JsonObject { ["type"] = "publication", ["state"] = state, ["asOf"] = Time(clock), ["furtherSignatories"] = true });
        return this;
    }

    public Guid Sign(string name, string? acronym = null, string country = "NL", string phase = "Initial")
    {
        var signature = new Signature(Guid.NewGuid(), signatures.Count + 1, Guid.NewGuid(), name, $"{name} (English)", acronym, country,
            "A. Signer", "Secretary", phase, clock, textVersion, text!, textVersion, text!, "Active", null,
            "InvitationLink", "example.org");
        Record("signed", signature);
        return signature.Id;
    }

    public LogBuilder Change(Guid id, string change, Func<Signature, Signature> edit)
    {
        Record(change, edit(signatures[id]));
        return this;
    }

    public LogBuilder Reconfirm(Guid id) => Change(id, "reconfirmed",
        s => s with { ConfirmedVersion = textVersion, ConfirmedTextHash = text! });

    /// <summary>The list the server would publish: its own model, not the fold.</summary>
    public IEnumerable<Signature> Listed =>
        signatures.Values.Where(s => s.Status == "Active" && s.ConfirmedTextHash == text).OrderBy(s => s.Number);

    public TreeHead Head() => Signer.Sign(Statement, entries.Count, MerkleTree.Root(entries.Select(MerkleTree.LeafHash).ToList()), clock);

    public string Bundle() => BundleOf(entries, Listed, Head());

    public string BundleOf(IReadOnlyList<string> logEntries, IEnumerable<Signature> listed, TreeHead head) =>
        new JsonObject
        {
            ["format"] = "workflow-signatory-list-proof/1",
            ["statement"] = new JsonObject { ["id"] = Statement.ToString("D"), ["slug"] = "a-statement", ["title"] = "A statement" },
            ["list"] = new JsonArray(listed.Select(ListRow).ToArray<JsonNode?>()),
            ["textHash"] = text,
            ["entries"] = new JsonArray(logEntries.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
            ["treeHead"] = JsonNode.Parse(head.ToJson()),
        }.ToJsonString();

    public string Receipt(int index)
    {
        var head = Head();
        var proof = MerkleTree.InclusionProof(entries.Select(MerkleTree.LeafHash).ToList(), index, entries.Count);
        return new JsonObject
        {
            ["format"] = "workflow-receipt/1",
            ["entry"] = entries[index],
            ["index"] = index,
            ["inclusionProof"] = new JsonArray(proof.Select(p => (JsonNode?)JsonValue.Create(Hex.Of(p))).ToArray()),
            ["treeHead"] = JsonNode.Parse(head.ToJson()),
        }.ToJsonString();
    }

    /// <summary>An entry as the server writes it, for tests that forge one.</summary>
    public string SignatureEntry(int index, string change, Signature s) => Entry(index, SignatureFields(change, s));

    private void Record(string change, Signature signature)
    {
        clock = clock.AddMinutes(7);
        signatures[signature.Id] = signature;
        Append(SignatureFields(change, signature));
    }

    private void Append(JsonObject fields)
    {
        clock = clock.AddMinutes(1);
        entries.Add(Entry(entries.Count, fields));
    }

    private string Entry(int index, JsonObject fields)
    {
        var entry = new JsonObject { ["v"] = 1, ["statement"] = Statement.ToString("D"), ["index"] = index, ["at"] = Time(clock) };
        foreach (var (name, value) in fields)
            entry[name] = value?.DeepClone();
        return entry.ToJsonString();
    }

    private static JsonObject SignatureFields(string change, Signature s) => new()
    {
        ["type"] = "signature", ["change"] = change, ["signature"] = s.Id.ToString("D"), ["number"] = s.Number,
        ["organisation"] = s.Organisation.ToString("D"), ["name"] = s.Name, ["nameEnglish"] = s.NameEnglish, ["acronym"] = s.Acronym,
        ["country"] = s.Country, ["signer"] = s.Signer, ["signerRole"] = s.SignerRole, ["phase"] = s.Phase,
        ["signedAt"] = s.SignedAt is { } at ? Time(at) : null, ["signedVersion"] = s.SignedVersion, ["signedTextHash"] = s.SignedTextHash,
        ["confirmedVersion"] = s.ConfirmedVersion, ["confirmedTextHash"] = s.ConfirmedTextHash, ["status"] = s.Status,
        ["reason"] = s.Reason,
        ["provenance"] = Provenance(s),
    };

    private static JsonObject Provenance(Signature s) => new()
    {
        ["kind"] = s.ProvenanceKind, ["emailDomain"] = s.EmailDomain, ["recordedBy"] = null, ["note"] = null, ["source"] = null,
    };

    private static JsonObject ListRow(Signature s) => new()
    {
        ["number"] = s.Number, ["name"] = s.Name, ["nameEnglish"] = s.NameEnglish, ["acronym"] = s.Acronym, ["country"] = s.Country,
        ["signer"] = s.Signer, ["signerRole"] = s.SignerRole, ["phase"] = s.Phase, ["signedAt"] = s.SignedAt is { } at ? Time(at) : null,
        ["signedVersion"] = s.SignedVersion, ["provenance"] = Provenance(s),
    };

    private static string Time(DateTimeOffset at) => TreeHead.FormatTime(at);
}

internal static class BundleEditing
{
    /// <summary>Edits the bundle's JSON as an operator with access to the database and the key (or not) could.</summary>
    public static string Edit(this string bundle, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(bundle)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    public static JsonObject Entry(this JsonObject bundle, int index)
        => JsonNode.Parse(bundle["entries"]![index]!.GetValue<string>())!.AsObject();

    public static void SetEntry(this JsonObject bundle, int index, JsonObject entry) => bundle["entries"]![index] = entry.ToJsonString();

    public static string[] Entries(this string bundle) =>
        JsonNode.Parse(bundle)!["entries"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
}
