using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Organisations;

/// <summary>Who may merge which records, and when two records cannot become one.</summary>
internal static class MergeRules
{
    public static async Task<(List<Signature> Signatures, List<Invitation> Invitations, List<Guid> StatementIds)> WhatMovesAsync(
        WorkflowDb db, Organisation twin, CancellationToken ct)
    {
        var signatures = await db.Signatures.Where(s => s.OrganisationId == twin.Id).ToListAsync(ct);
        var invitations = await db.Invitations.Where(r => r.OrganisationId == twin.Id).ToListAsync(ct);
        var statementIds = signatures.Select(s => s.StatementId).Concat(invitations.Select(r => r.StatementId)).Distinct().ToList();
        return (signatures, invitations, statementIds);
    }

    public static async Task EnsureMayMergeAsync(WorkflowDb db, string userId, Organisation survivor, Organisation twin,
        List<Guid> twinStatements, CancellationToken ct)
    {
        var drafted = await db.Statements.Where(s => s.Members.Any(m => m.UserId == userId && m.Role == StatementRole.Owner))
            .Select(s => s.Id).ToListAsync(ct);
        var others = twinStatements.Except(drafted).Count();
        if (others > 0)
            throw new ForbiddenException($"{twin.Name} is used by {others} statement(s) you do not draft; only their drafters may " +
                "merge it.");
        if (twinStatements.Count == 0 && twin.CreatedBy != userId)
            throw new ForbiddenException($"Only the drafter who registered {twin.Name} may merge it.");

        var usesSurvivor = survivor.CreatedBy == userId
            || await db.Signatures.AnyAsync(s => s.OrganisationId == survivor.Id && drafted.Contains(s.StatementId), ct)
            || await db.Invitations.AnyAsync(r => r.OrganisationId == survivor.Id && drafted.Contains(r.StatementId), ct);
        if (!usesSurvivor)
            throw new ForbiddenException($"You may merge into {survivor.Name} only once one of your statements refers to it.");
    }

    /// <summary>A statement cannot end up with two standing signatures, or two open invitations, from one organisation.</summary>
    public static async Task EnsureNoClashAsync(WorkflowDb db, Organisation survivor, List<Signature> signatures,
        List<Invitation> invitations, CancellationToken ct)
    {
        var signedStatements = signatures.Where(s => s.Status == SignatureStatus.Active).Select(s => s.StatementId).ToList();
        var bothSigned = await db.Signatures.Where(s => s.OrganisationId == survivor.Id && s.Status == SignatureStatus.Active
            && signedStatements.Contains(s.StatementId))
            .Select(s => s.Number).ToListAsync(ct);
        if (bothSigned.Count > 0)
            throw new ConflictException(
                "Both records have a standing signature on the same statement (the survivor's is number " +
                $"{string.Join(", ", bothSigned)}). " +
                "Invalidate one of them as a duplicate first, then merge.");

        var pendingStatements = invitations.Where(r => r.State == InvitationState.Pending).Select(r => r.StatementId).ToList();
        if (await db.Invitations.AnyAsync(r => r.OrganisationId == survivor.Id && r.State == InvitationState.Pending
            && pendingStatements.Contains(r.StatementId), ct))
            throw new ConflictException("Both records have a pending invitation to the same statement. Revoke one of them first, " +
                "then merge.");
    }
}
