using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>
/// Finds organisations in the directory by any of their names (also those of records merged into them), their acronym, website or a contact
/// e-mail, ignoring accents, case, script, invisible characters and look-alike letters,
/// optionally in one country: so a drafter picks the organisation already known rather than typing a twin. Contact e-mails
/// are searched and shown only where the caller may see them (<see cref="ContactEmailVisibility"/>).
/// </summary>
public sealed record SearchOrganisations(string UserId, string Query, string? Country) : IRequest<IReadOnlyList<DirectoryEntry>>;

public sealed class SearchOrganisationsValidator : AbstractValidator<SearchOrganisations>
{
    public SearchOrganisationsValidator()
    {
        RuleFor(r => r.Query).NotEmpty().MaximumLength(Organisation.NameMaxLength);
        RuleFor(r => r.Country!).Must(Countries.IsKnownCode).When(r => !string.IsNullOrWhiteSpace(r.Country))
            .WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as PE or GB.");
    }
}

public sealed class SearchOrganisationsHandler(WorkflowDb db) : IRequestHandler<SearchOrganisations, IReadOnlyList<DirectoryEntry>>
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<DirectoryEntry>> Handle(SearchOrganisations request, CancellationToken ct)
    {
        var key = NameKey.Of(request.Query);
        var skeleton = NameKey.SkeletonOf(request.Query);
        var acronym = NameKey.OfAcronym(request.Query);
        var acronymSkeleton = NameKey.SkeletonOfAcronym(request.Query);
        var domain = request.Query.Contains('.') && !request.Query.Contains('@') ? NameKey.DomainOf(request.Query) : null;
        var email = request.Query.Trim();
        var country = OptionalText.TrimmedOrNull(request.Country)?.ToUpperInvariant();
        var contactsVisible = db.OrganisationsWithContactsVisibleTo(request.UserId);
        var found = await db.Organisations.AsNoTracking()
            .Where(o => o.MergedIntoId == null)
            .Where(o => (key.Length > 0 && (o.NameKey.Contains(key) || o.NameEnglishKey.Contains(key)
                || o.FormerNameKeys.Any(k => k.Contains(key))))
                || (skeleton.Length > 0 && (o.NameSkeleton.Contains(skeleton) || o.NameEnglishSkeleton.Contains(skeleton)
                    || o.FormerNameKeys.Any(k => k.Contains(skeleton))))
                || (acronym.Length > 0 && o.AcronymKey == acronym)
                || (acronymSkeleton.Length > 0 && o.AcronymSkeleton == acronymSkeleton)
                || (domain != null && o.WebDomain == domain)
                // Otherwise a search by address would tell anyone whose address it is.
                || (o.ContactEmails.Any(e => e.ToLower() == email.ToLower()) && contactsVisible.Contains(o.Id)))
            .Where(o => country == null || o.Country == country)
            .OrderBy(o => o.NameKey)
            .Take(MaxResults)
            .ToListAsync(ct);
        var visible = await db.ContactsVisibleToAsync(request.UserId, found.Select(o => o.Id).ToList(), ct);
        return found.Select(o => DirectoryEntry.From(o, visible.Contains(o.Id))).ToList();
    }
}
