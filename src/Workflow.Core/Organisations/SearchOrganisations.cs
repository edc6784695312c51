using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Organisations;

/// <summary>
/// Finds organisations in the directory by any of their names or their acronym, ignoring accents, case and script,
/// optionally in one country: so a drafter picks the organisation already known rather than typing a twin.
/// </summary>
public sealed record SearchOrganisations(string Query, string? Country) : IRequest<IReadOnlyList<OrganisationView>>;

public sealed class SearchOrganisationsValidator : AbstractValidator<SearchOrganisations>
{
    public SearchOrganisationsValidator()
    {
        RuleFor(r => r.Query).NotEmpty().MaximumLength(Organisation.NameMaxLength);
        RuleFor(r => r.Country!).Must(Countries.IsKnownCode).When(r => !string.IsNullOrWhiteSpace(r.Country))
            .WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as PE or GB.");
    }
}

public sealed class SearchOrganisationsHandler(WorkflowDb db) : IRequestHandler<SearchOrganisations, IReadOnlyList<OrganisationView>>
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<OrganisationView>> Handle(SearchOrganisations request, CancellationToken ct)
    {
        var key = NameKey.Of(request.Query);
        var acronym = request.Query.Trim().ToUpperInvariant();
        var country = string.IsNullOrWhiteSpace(request.Country) ? null : request.Country.Trim().ToUpperInvariant();
        var found = await db.Organisations.AsNoTracking()
            .Where(o => (key.Length > 0 && (o.NameKey.Contains(key) || o.NameEnglishKey.Contains(key))) || (o.Acronym != null && o.Acronym.ToUpper() == acronym))
            .Where(o => country == null || o.Country == country)
            .OrderBy(o => o.NameKey)
            .Take(MaxResults)
            .ToListAsync(ct);
        return found.Select(OrganisationView.From).ToList();
    }
}
