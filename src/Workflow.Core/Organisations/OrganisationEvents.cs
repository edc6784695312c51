using Workflow.Core.Common;

namespace Workflow.Core.Organisations;

/// <summary>What happens to the directory of organisations (see <see cref="IDomainEvent"/>).</summary>
public static class OrganisationEvents
{
    /// <summary>Two records were one organisation: the duplicate points at the survivor; the listed statements' signatures and
    /// invitations moved with it.</summary>
    public sealed record Merged(Guid SurvivorId, Guid DuplicateId, string SurvivorName, string DuplicateName,
        IReadOnlyList<Guid> StatementIds, int SignaturesMoved, int InvitationsMoved, string MergedBy, DateTimeOffset OccurredAt)
        : IDomainEvent;
}
