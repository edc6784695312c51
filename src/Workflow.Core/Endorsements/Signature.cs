using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public enum SignaturePhase { Initial, Subsequent }

/// <summary>An organisation's signature, bound to the exact version (number and hash) it was shown.</summary>
public sealed class Signature
{
    public const int SignerNameMaxLength = 200;
    public const int SignerRoleMaxLength = 200;

    private Signature() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? EndorsementRequestId { get; private set; }
    public Guid VersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public string TextHash { get; private set; } = "";
    public string? SignerName { get; private set; }
    public string? SignerRole { get; private set; }
    /// <summary>The signatory's number in the statement's list: 1, 2, 3… with no gap.</summary>
    public int Number { get; private set; }
    public SignaturePhase Phase { get; private set; }
    /// <summary>When the organisation signed; for a signature gathered elsewhere, the date it gave.</summary>
    public DateTimeOffset SignedAt { get; private set; }
    /// <summary>When Workflow recorded it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>The drafter who recorded a signature gathered outside Workflow; null when the organisation signed itself.</summary>
    public string? RecordedBy { get; private set; }

    internal static Signature Create(
        Statement statement, Guid organisationId, StatementVersion version, string? signerName, string? signerRole,
        Guid? endorsementRequestId, int number, SignaturePhase phase, DateTimeOffset signedAt, string? recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StatementId = statement.Id,
        OrganisationId = organisationId,
        EndorsementRequestId = endorsementRequestId,
        VersionId = version.Id,
        VersionNumber = version.Number,
        TextHash = version.TextHash,
        SignerName = string.IsNullOrWhiteSpace(signerName) ? null : signerName.Trim(),
        SignerRole = string.IsNullOrWhiteSpace(signerRole) ? null : signerRole.Trim(),
        Number = number,
        Phase = phase,
        SignedAt = signedAt,
        RecordedAt = now,
        RecordedBy = recordedBy,
    };
}
