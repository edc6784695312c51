using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>
/// A drafter adds an organisation to the directory. When the directory already holds a look-alike (same name in
/// any spelling or script, same acronym and country, same website), it is offered instead (409 with the matches)
/// unless the drafter asks for a new record.
/// </summary>
public sealed record AddOrganisation(string UserId, OrganisationDetails Organisation, IReadOnlyList<string>? ContactEmails)
    : IRequest<DirectoryEntry>;

public sealed class AddOrganisationValidator : AbstractValidator<AddOrganisation>
{
    public AddOrganisationValidator()
    {
        RuleFor(r => r.Organisation).NotNull().SetValidator(new OrganisationDetailsValidator());
        RuleFor(r => r.Organisation.Name).NotEmpty().When(r => r.Organisation is not null);
        RuleFor(r => r.ContactEmails).Must(e => e is null || e.Count <= Organisation.MaxContactEmails)
            .WithMessage($"At most {Organisation.MaxContactEmails} contact e-mails.");
        RuleForEach(r => r.ContactEmails).NotEmpty().MaximumLength(Organisation.EmailMaxLength).EmailAddress();
    }
}

public sealed class AddOrganisationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<AddOrganisation, DirectoryEntry>
{
    public async Task<DirectoryEntry> Handle(AddOrganisation request, CancellationToken ct)
    {
        if (!request.Organisation.RegisterAsNew)
        {
            var matches = await db.FindMatchesAsync(request.Organisation, ct);
            if (matches.Count > 0) throw OrganisationDirectory.PossibleTwin(matches);
        }
        var organisation = Organisation.Register(request.Organisation, clock.GetUtcNow(), request.UserId, request.ContactEmails);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return DirectoryEntry.From(organisation, withContactEmails: true); // the caller just gave them
    }
}
