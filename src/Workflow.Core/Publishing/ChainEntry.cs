using System.Globalization;
using Workflow.Core.Common;

namespace Workflow.Core.Publishing;

/// <summary>What happened to a signature, as the chain records it.</summary>
public enum ChainEntryKind { Signed, Reconfirmed, Withdrawn, Invalidated }

/// <summary>
/// One link of a statement's signature chain: each entry's hash covers the previous entry's hash, the signature,
/// the organisation, the text hash it concerns and the time. Entries are only ever appended — a withdrawal is an
/// entry, not a deletion — so nobody can remove or reorder names without breaking every later hash.
/// </summary>
public sealed class ChainEntry
{
    /// <summary>The hash before the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private ChainEntry() { }

    public long Id { get; private set; }
    public Guid StatementId { get; private set; }
    /// <summary>1, 2, 3… in the order the entries were written.</summary>
    public int Position { get; private set; }
    public ChainEntryKind Kind { get; private set; }
    public Guid SignatureId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Number { get; private set; }
    public string TextHash { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static ChainEntry After(ChainEntry? previous, Guid statementId, ChainEntryKind kind, Guid signatureId, Guid organisationId, int number,
        string textHash, DateTimeOffset occurredAt)
    {
        var entry = new ChainEntry
        {
            StatementId = statementId,
            Position = (previous?.Position ?? 0) + 1,
            Kind = kind,
            SignatureId = signatureId,
            OrganisationId = organisationId,
            Number = number,
            TextHash = textHash,
            OccurredAt = occurredAt,
            PreviousHash = previous?.Hash ?? Genesis,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>
    /// SHA-256 (hex) of "previous|position|kind|signature|organisation|number|text hash|time", the time in UTC to the
    /// millisecond: anyone holding the entries can recompute it.
    /// </summary>
    public string ComputeHash() => Common.TextHash.Sha256Hex(string.Join('|',
        PreviousHash, Position.ToString(CultureInfo.InvariantCulture), Kind.ToString(), SignatureId.ToString("D"), OrganisationId.ToString("D"),
        Number.ToString(CultureInfo.InvariantCulture), TextHash, OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
}
