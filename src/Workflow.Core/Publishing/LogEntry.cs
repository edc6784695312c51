using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>What a log entry records: the text open for signature, the statement's publication state, or a signature's public
/// facts.</summary>
public enum LogEntryType { Text, Publication, Signature }

/// <summary>
/// One leaf of a statement's signatory log, a Merkle tree in the manner of Certificate Transparency (RFC 9162). The entry is
/// a JSON document written once and never changed; its leaf hash is over those exact bytes. Each entry also keeps the
/// right edge of the tree it completes (so the next one is appended without reading the others) and the tree head signed
/// right after it, which anyone can keep: a later head that does not extend it proves the log was rewritten.
/// </summary>
public sealed class LogEntry
{
    private LogEntry() { }

    public long Id { get; private set; }
    public Guid StatementId { get; private set; }
    /// <summary>0, 1, 2… in the order the entries were written; the tree head after it has <c>Index + 1</c> leaves.</summary>
    public int Index { get; private set; }
    public LogEntryType Type { get; private set; }
    /// <summary>The signature this entry describes, for <see cref="LogEntryType.Signature"/> entries.</summary>
    public Guid? SignatureId { get; private set; }
    /// <summary>The entry itself: the JSON document hashed into the tree.</summary>
    public string Entry { get; private set; } = "";
    public string LeafHash { get; private set; } = "";
    /// <summary>The tree's right edge after this entry (<see cref="MerkleFrontier.Serialize"/>).</summary>
    public string Frontier { get; private set; } = "";
    /// <summary>The signed tree head after this entry, as JSON.</summary>
    public string Head { get; private set; } = "";

    public TreeHead TreeHead => TreeHead.Parse(Head);

    /// <summary>The inclusion proof of this entry in the tree it completes: the right edge before it.</summary>
    public IReadOnlyList<byte[]> InclusionProof() => MerkleFrontier.Parse(Frontier).InclusionProofOfLast();

    /// <param name="entryAt">Writes the entry, given its index.</param>
    internal static LogEntry After(LogEntry? previous, Guid statementId, LogEntryType type, Guid? signatureId, Func<int, string> entryAt,
        TreeHeadSigner signer, DateTimeOffset at)
    {
        var index = (previous?.Index ?? -1) + 1;
        var entry = entryAt(index);
        var leaf = MerkleTree.LeafHash(entry);
        var frontier = (previous is null ? MerkleFrontier.Empty : MerkleFrontier.Parse(previous.Frontier)).Append(leaf);
        return new LogEntry
        {
            StatementId = statementId,
            Index = index,
            Type = type,
            SignatureId = signatureId,
            Entry = entry,
            LeafHash = Hex.Of(leaf),
            Frontier = frontier.Serialize(),
            Head = signer.Sign(statementId, index + 1, frontier.Root(), at).ToJson(),
        };
    }
}
