using FluentValidation;

namespace Workflow.Core.Organisations;

/// <summary>An organisation that drafts or signs statements. Its name is kept exactly as given, in any script.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 300;
    public const int AcronymMaxLength = 40;

    private Organisation() { }

    public Guid Id { get; private set; }
    /// <summary>The name in the organisation's own language and script.</summary>
    public string Name { get; private set; } = "";
    public string? NameEnglish { get; private set; }
    public string? Acronym { get; private set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? Country { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Organisation Register(OrganisationDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = details.Name.Trim(),
        NameEnglish = Blank(details.NameEnglish),
        Acronym = Blank(details.Acronym),
        Country = Blank(details.Country)?.ToUpperInvariant(),
        CreatedAt = now,
    };

    /// <summary>
    /// Whether these details name this organisation: the same name (ignoring case and surrounding space)
    /// in the same country. Fuller duplicate detection (scripts, acronyms, domains) is the directory's work.
    /// </summary>
    public bool IsNamedBy(OrganisationDetails details) =>
        string.Equals(Name, details.Name.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Country, Blank(details.Country)?.ToUpperInvariant(), StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How a client names an organisation.</summary>
public sealed record OrganisationDetails(string Name, string? NameEnglish, string? Acronym, string? Country);

public sealed class OrganisationDetailsValidator : AbstractValidator<OrganisationDetails>
{
    public OrganisationDetailsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength);
        RuleFor(o => o.NameEnglish).MaximumLength(Organisation.NameMaxLength);
        RuleFor(o => o.Acronym).MaximumLength(Organisation.AcronymMaxLength);
        RuleFor(o => o.Country!)
            .Must(Countries.IsKnownCode).When(o => !string.IsNullOrWhiteSpace(o.Country))
            .WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as PE or GB.");
    }
}
