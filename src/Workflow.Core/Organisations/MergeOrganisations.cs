using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

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
        var survivor = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.SurvivorId, ct)
            ?? throw new NotFoundException("organisation");
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
