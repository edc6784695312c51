using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>One directory record, with the records merged into it. A merged record's id still answers, with its own
/// data and <c>mergedIntoId</c>, so that old references can be followed. Contact e-mails only for a caller who may see them
/// (<see cref="ContactEmailVisibility"/>).</summary>
public sealed record GetOrganisation(string UserId, Guid Id) : IRequest<OrganisationRecord>;

public sealed record OrganisationRecord(DirectoryEntry Organisation, IReadOnlyList<MergedRecord> MergedFrom);

public sealed record MergedRecord(Guid Id, string Name, string? NameEnglish, string? Acronym, DateTimeOffset MergedAt, string MergedBy);

public sealed class GetOrganisationHandler(WorkflowDb db) : IRequestHandler<GetOrganisation, OrganisationRecord>
{
    public Task<OrganisationRecord> Handle(GetOrganisation request, CancellationToken ct) => db.OrganisationRecordAsync(request.UserId, request.Id, ct);
}

public static class OrganisationRecords
{
    /// <summary>A record as <paramref name="userId"/> may see it, with the records merged into it; 404 when there is none.</summary>
    public static async Task<OrganisationRecord> OrganisationRecordAsync(this WorkflowDb db, string userId, Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("organisation");
        var merged = await db.Organisations.AsNoTracking().Where(o => o.MergedIntoId == organisation.Id).OrderBy(o => o.MergedAt)
            .Select(o => new MergedRecord(o.Id, o.Name, o.NameEnglish, o.Acronym, o.MergedAt!.Value, o.MergedBy!)).ToListAsync(ct);
        var visible = await db.ContactsVisibleToAsync(userId, [organisation.Id], ct);
        return new OrganisationRecord(DirectoryEntry.From(organisation, visible.Contains(organisation.Id)), merged);
    }
}

/// <summary>The records that may be the organisation described, before a drafter adds or invites it.</summary>
public sealed record FindOrganisationMatches(OrganisationDetails Organisation) : IRequest<IReadOnlyList<DirectoryMatch>>;

public sealed class FindOrganisationMatchesValidator : AbstractValidator<FindOrganisationMatches>
{
    public FindOrganisationMatchesValidator() => RuleFor(r => r.Organisation).SetValidator(new OrganisationDetailsValidator());
}

public sealed class FindOrganisationMatchesHandler(WorkflowDb db) : IRequestHandler<FindOrganisationMatches, IReadOnlyList<DirectoryMatch>>
{
    public async Task<IReadOnlyList<DirectoryMatch>> Handle(FindOrganisationMatches request, CancellationToken ct) =>
        (await db.FindMatchesAsync(request.Organisation, ct)).Select(DirectoryMatch.From).ToList();
}
