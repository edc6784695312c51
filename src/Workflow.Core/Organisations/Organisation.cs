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
    /// <summary><see cref="Organisations.NameKey"/> of the name and of the English name: how the directory finds it.</summary>
    public string NameKey { get; private set; } = "";
    public string NameEnglishKey { get; private set; } = "";

    private void RefreshKeys()
    {
        NameKey = Organisations.NameKey.Of(Name);
        NameEnglishKey = Organisations.NameKey.Of(NameEnglish);
    }

    public static Organisation Register(OrganisationDetails details, DateTimeOffset now)
    {
        var organisation = Create(details, now);
        organisation.RefreshKeys();
        return organisation;
    }

    private static Organisation Create(OrganisationDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = details.Name.Trim(),
        NameEnglish = Blank(details.NameEnglish),
        Acronym = Blank(details.Acronym),
        Country = Blank(details.Country)?.ToUpperInvariant(),
        CreatedAt = now,
    };

    /// <summary>
    /// Whether these details name this organisation: in the same country, a name (own or English) that meets one of
    /// its names once accents, case, punctuation and script are set aside.
    /// </summary>
    public bool IsNamedBy(OrganisationDetails details)
    {
        if (!string.Equals(Country, Blank(details.Country)?.ToUpperInvariant(), StringComparison.Ordinal)) return false;
        string[] mine = [NameKey, NameEnglishKey];
        return new[] { Organisations.NameKey.Of(details.Name), Organisations.NameKey.Of(details.NameEnglish) }
            .Any(key => key.Length > 0 && mine.Contains(key));
    }

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
