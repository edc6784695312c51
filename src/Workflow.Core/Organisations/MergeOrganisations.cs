using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Organisations;

/// <summary>
/// Merges a twin record into the one that stays. Every signature and invitation of the twin moves to the survivor,
/// keeping its number, date and the names the list shows; the twin stays in the directory pointing at the survivor,
/// and an event records the merge in the audit log of every statement concerned.
/// </summary>
/// <remarks>
/// The directory is shared, so a merge must not let one drafter rewrite another's records: the caller must draft
/// every statement that refers to the twin (or have registered the twin, if none does), and must itself use the
/// survivor (have registered it or draft a statement that refers to it).
/// </remarks>
public sealed record MergeOrganisations(string UserId, Guid SurvivorId, Guid DuplicateId) : IRequest<OrganisationRecord>;

public sealed class MergeOrganisationsValidator : AbstractValidator<MergeOrganisations>
{
    public MergeOrganisationsValidator()
    {
        RuleFor(r => r.DuplicateId).NotEmpty();
        RuleFor(r => r.DuplicateId).NotEqual(r => r.SurvivorId).WithMessage("An organisation cannot be merged into itself.");
    }
}

public sealed class MergeOrganisationsHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<MergeOrganisations, OrganisationRecord>
{
    public async Task<OrganisationRecord> Handle(MergeOrganisations request, CancellationToken ct)
    {
        var survivor = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.SurvivorId, ct) ?? throw new NotFoundException("organisation");
        var twin = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.DuplicateId, ct)
            ?? throw new DomainRuleException("duplicateId", "No organisation in the directory has this id.");

        var (signatures, invitations, statementIds) = await MergeRules.WhatMovesAsync(db, twin, ct);
        await MergeRules.EnsureMayMergeAsync(db, request.UserId, survivor, twin, statementIds, ct);
        await MergeRules.EnsureNoClashAsync(db, survivor, signatures, invitations, ct);

        foreach (var signature in signatures) signature.MoveToOrganisation(survivor.Id);
        foreach (var invitation in invitations) invitation.MoveToOrganisation(survivor.Id);
        survivor.Absorb(twin, statementIds, signatures.Count, invitations.Count, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.OrganisationRecordAsync(request.UserId, survivor.Id, ct);
    }
}

/// <summary>
/// Both records side by side before a merge, with what would move and, when the caller may not merge the duplicate into
/// the survivor (now), why not: the same rules as <see cref="MergeOrganisations"/>, checked without changing anything.
/// </summary>
public sealed record PreviewMerge(string UserId, Guid SurvivorId, Guid DuplicateId) : IRequest<MergePreview>;

/// <param name="StatementsConcerned">The statements whose signatures or invitations of the duplicate would move.</param>
/// <param name="Refusal">Why this merge would be refused, or null when the caller may make it.</param>
public sealed record MergePreview(OrganisationRecord Survivor, OrganisationRecord Duplicate, int SignaturesMoving, int InvitationsMoving,
    int StatementsConcerned, string? Refusal);

public sealed class PreviewMergeHandler(WorkflowDb db) : IRequestHandler<PreviewMerge, MergePreview>
{
    public async Task<MergePreview> Handle(PreviewMerge request, CancellationToken ct)
    {
        var survivorRecord = await db.OrganisationRecordAsync(request.UserId, request.SurvivorId, ct);
        var duplicateRecord = await db.OrganisationRecordAsync(request.UserId, request.DuplicateId, ct);
        var survivor = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == request.SurvivorId, ct);
        var twin = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == request.DuplicateId, ct);
        var (signatures, invitations, statementIds) = await MergeRules.WhatMovesAsync(db, twin, ct);
        string? refusal = null;
        try
        {
            survivor.EnsureMayAbsorb(twin);
            await MergeRules.EnsureMayMergeAsync(db, request.UserId, survivor, twin, statementIds, ct);
            await MergeRules.EnsureNoClashAsync(db, survivor, signatures, invitations, ct);
        }
        catch (Exception e) when (e is ForbiddenException or ConflictException or DomainRuleException)
        {
            refusal = e.Message;
        }
        return new MergePreview(survivorRecord, duplicateRecord, signatures.Count, invitations.Count, statementIds.Count, refusal);
    }
}

/// <summary>Who may merge which records, and when two records cannot become one.</summary>
internal static class MergeRules
{
    public static async Task<(List<Signature> Signatures, List<EndorsementRequest> Invitations, List<Guid> StatementIds)> WhatMovesAsync(
        WorkflowDb db, Organisation twin, CancellationToken ct)
    {
        var signatures = await db.Signatures.Where(s => s.OrganisationId == twin.Id).ToListAsync(ct);
        var invitations = await db.EndorsementRequests.Where(r => r.OrganisationId == twin.Id).ToListAsync(ct);
        var statementIds = signatures.Select(s => s.StatementId).Concat(invitations.Select(r => r.StatementId)).Distinct().ToList();
        return (signatures, invitations, statementIds);
    }

    public static async Task EnsureMayMergeAsync(WorkflowDb db, string userId, Organisation survivor, Organisation twin, List<Guid> twinStatements, CancellationToken ct)
    {
        var drafted = await db.Statements.Where(s => s.Members.Any(m => m.UserId == userId && m.Role == StatementRole.Owner)).Select(s => s.Id).ToListAsync(ct);
        var others = twinStatements.Except(drafted).Count();
        if (others > 0)
            throw new ForbiddenException($"{twin.Name} is used by {others} statement(s) you do not draft; only their drafters may merge it.");
        if (twinStatements.Count == 0 && twin.CreatedBy != userId)
            throw new ForbiddenException($"Only the drafter who registered {twin.Name} may merge it.");

        var usesSurvivor = survivor.CreatedBy == userId
            || await db.Signatures.AnyAsync(s => s.OrganisationId == survivor.Id && drafted.Contains(s.StatementId), ct)
            || await db.EndorsementRequests.AnyAsync(r => r.OrganisationId == survivor.Id && drafted.Contains(r.StatementId), ct);
        if (!usesSurvivor)
            throw new ForbiddenException($"You may merge into {survivor.Name} only once one of your statements refers to it.");
    }

    /// <summary>A statement cannot end up with two standing signatures, or two open invitations, from one organisation.</summary>
    public static async Task EnsureNoClashAsync(WorkflowDb db, Organisation survivor, List<Signature> signatures, List<EndorsementRequest> invitations, CancellationToken ct)
    {
        var signedStatements = signatures.Where(s => s.Status == SignatureStatus.Active).Select(s => s.StatementId).ToList();
        var bothSigned = await db.Signatures.Where(s => s.OrganisationId == survivor.Id && s.Status == SignatureStatus.Active && signedStatements.Contains(s.StatementId))
            .Select(s => s.Number).ToListAsync(ct);
        if (bothSigned.Count > 0)
            throw new ConflictException(
                $"Both records have a standing signature on the same statement (the survivor's is number {string.Join(", ", bothSigned)}). " +
                "Invalidate one of them as a duplicate first, then merge.");

        var pendingStatements = invitations.Where(r => r.State == EndorsementRequestState.Pending).Select(r => r.StatementId).ToList();
        if (await db.EndorsementRequests.AnyAsync(r => r.OrganisationId == survivor.Id && r.State == EndorsementRequestState.Pending && pendingStatements.Contains(r.StatementId), ct))
            throw new ConflictException("Both records have a pending invitation to the same statement. Revoke one of them first, then merge.");
    }
}
