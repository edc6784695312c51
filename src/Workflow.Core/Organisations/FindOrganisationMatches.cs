using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

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
