using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

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
