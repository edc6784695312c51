using FluentValidation;
using Workflow.Core.Common;

namespace Workflow.Core.Organisations;

/// <summary>
/// An organisation that drafts or signs statements, in the directory all drafters share. Its name is kept exactly as
/// given, in any script. A record found to be a twin of another is merged into it and kept, pointing at the survivor.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    public const int NameMaxLength = 300;
    public const int AcronymMaxLength = 40;
    public const int WebsiteMaxLength = 300;
    public const int EmailMaxLength = 254;
    public const int MaxContactEmails = 10;

    private Organisation() { }

    public Guid Id { get; private set; }
    /// <summary>The name in the organisation's own language and script.</summary>
    public string Name { get; private set; } = "";
    public string? NameEnglish { get; private set; }
    public string? Acronym { get; private set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? Country { get; private set; }
    /// <summary>An absolute http(s) address.</summary>
    public string? Website { get; private set; }
    public List<string> ContactEmails { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Who registered it: a drafter's user id, or null when it came with an invitation, a signature or the seeds.</summary>
    public string? CreatedBy { get; private set; }

    /// <summary><see cref="Organisations.NameKey"/> of the name and of the English name: how the directory finds it.</summary>
    public string NameKey { get; private set; } = "";
    public string NameEnglishKey { get; private set; } = "";
    /// <summary>The names' look-alike skeletons (<see cref="Organisations.NameKey.SkeletonOf"/>): how the directory finds a name that only
    /// looks like it.</summary>
    public string NameSkeleton { get; private set; } = "";
    public string NameEnglishSkeleton { get; private set; } = "";
    /// <summary>The acronym's letters and digits, in Latin script and lower case: "P.C.P." and "PCP" meet.</summary>
    public string AcronymKey { get; private set; } = "";
    public string AcronymSkeleton { get; private set; } = "";
    /// <summary>The <see cref="Organisations.NameKey.Version"/> the keys were made with; older ones are made again at start-up.</summary>
    public int KeysVersion { get; private set; }
    /// <summary>The website's host without "www.", lower case.</summary>
    public string? WebDomain { get; private set; }
    /// <summary>Name keys of the records merged into this one, so their spellings still find it.</summary>
    public List<string> FormerNameKeys { get; private set; } = [];

    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset? MergedAt { get; private set; }
    public string? MergedBy { get; private set; }

    public bool IsMerged => MergedIntoId is not null;

    public static Organisation Register(OrganisationDetails details, DateTimeOffset now, string? createdBy = null,
        IEnumerable<string>? contactEmails = null)
    {
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(now),
            Name = details.Name.Trim(),
            NameEnglish = OptionalText.TrimmedOrNull(details.NameEnglish),
            Acronym = OptionalText.TrimmedOrNull(details.Acronym),
            Country = OptionalText.TrimmedOrNull(details.Country)?.ToUpperInvariant(),
            Website = Organisations.NameKey.WebsiteOf(details.Website)?.AbsoluteUri,
            ContactEmails = NormaliseEmails(contactEmails ?? []),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        organisation.RefreshKeys();
        return organisation;
    }

    /// <summary>Makes the keys with the current recipe; true when one of them changed.</summary>
    internal bool RefreshKeys()
    {
        var before = (NameKey, NameEnglishKey, NameSkeleton, NameEnglishSkeleton, AcronymKey, AcronymSkeleton, WebDomain, KeysVersion);
        NameKey = Organisations.NameKey.Of(Name);
        NameEnglishKey = Organisations.NameKey.Of(NameEnglish);
        NameSkeleton = Organisations.NameKey.SkeletonOf(Name);
        NameEnglishSkeleton = Organisations.NameKey.SkeletonOf(NameEnglish);
        AcronymKey = Organisations.NameKey.OfAcronym(Acronym);
        AcronymSkeleton = Organisations.NameKey.SkeletonOfAcronym(Acronym);
        WebDomain = Organisations.NameKey.DomainOf(Website);
        KeysVersion = Organisations.NameKey.Version;
        return before != (NameKey, NameEnglishKey, NameSkeleton, NameEnglishSkeleton, AcronymKey, AcronymSkeleton, WebDomain, KeysVersion);
    }

    /// <summary>Every key its names (and those of the records merged into it) are found by.</summary>
    public IReadOnlyList<string> AllNameKeys() =>
        new[] { NameKey, NameEnglishKey, NameSkeleton, NameEnglishSkeleton }.Concat(FormerNameKeys).Where(k => k.Length > 0)
            .Distinct().ToList();

    /// <summary>Why these details may name this organisation; empty when they do not.</summary>
    public IReadOnlyList<MatchReason> Matches(OrganisationDetails details)
    {
        var reasons = new List<MatchReason>();
        var country = OptionalText.TrimmedOrNull(details.Country)?.ToUpperInvariant();
        if (string.Equals(Country, country, StringComparison.Ordinal))
        {
            if (HasName(details.Name, details.NameEnglish)) reasons.Add(MatchReason.Name);
            if (country is not null && HasAcronym(details.Acronym)) reasons.Add(MatchReason.AcronymAndCountry);
        }
        var domain = Organisations.NameKey.DomainOf(details.Website);
        if (domain is not null && domain == WebDomain) reasons.Add(MatchReason.Website);
        return reasons;
    }

    /// <summary>Whether one of these names, in spelling or in look, is one of this organisation's (its merged twins' included).</summary>
    public bool HasName(params string?[] names)
    {
        var mine = AllNameKeys();
        return names.SelectMany(Organisations.NameKey.KeysOf).Any(mine.Contains);
    }

    /// <summary>Whether this acronym, in spelling or in look, is this organisation's.</summary>
    public bool HasAcronym(string? acronym)
    {
        var spelled = Organisations.NameKey.OfAcronym(acronym);
        var looks = Organisations.NameKey.SkeletonOfAcronym(acronym);
        return (spelled.Length > 0 && spelled == AcronymKey) || (looks.Length > 0 && looks == AcronymSkeleton);
    }

    /// <summary>Whether the twin may be merged into this record at all: another record, neither merged yet, not in two countries.</summary>
    public void EnsureMayAbsorb(Organisation twin)
    {
        if (twin.Id == Id) throw new DomainRuleException("duplicateId", "An organisation cannot be merged into itself.");
        if (twin.IsMerged || IsMerged) throw new ConflictException("One of these organisations was already merged into another.");
        if (twin.Country is not null && Country is not null && twin.Country != Country)
            throw new DomainRuleException("duplicateId", $"The two records are in different countries ({Country} and {twin.Country}); " +
                "they cannot be the same organisation.");
    }

    /// <summary>
    /// Folds a twin into this record: the twin's spellings will find this one, and the twin keeps pointing here.
    /// Nothing else of the twin's is copied: whoever merges may not rewrite another's record (its website, e-mails,
    /// acronym). Moving its signatures and invitations is the caller's part.
    /// </summary>
    public void Absorb(Organisation twin, IReadOnlyList<Guid> affectedStatements, int signaturesMoved, int invitationsMoved, string userId,
        DateTimeOffset now)
    {
        EnsureMayAbsorb(twin);

        var mine = new[] { NameKey, NameEnglishKey, NameSkeleton, NameEnglishSkeleton };
        FormerNameKeys = FormerNameKeys.Concat(twin.AllNameKeys()).Where(k => k.Length > 0 && !mine.Contains(k)).Distinct().ToList();

        twin.MergedIntoId = Id;
        twin.MergedAt = now;
        twin.MergedBy = userId;
        Raise(new OrganisationEvents.Merged(Id, twin.Id, Name, twin.Name, affectedStatements, signaturesMoved, invitationsMoved, userId,
            now));
    }

    private static List<string> NormaliseEmails(IEnumerable<string> emails) =>
        emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).DistinctBy(e => e.ToLowerInvariant())
            .Take(MaxContactEmails).ToList();
}

/// <summary>Why the directory thinks two descriptions are one organisation.</summary>
public enum MatchReason { Name, AcronymAndCountry, Website }

/// <summary>How a client names an organisation, and which directory record it means.</summary>
/// <param name="Id">A directory record chosen by the client; then the names may be left out to show the record's own.</param>
/// <param name="RegisterAsNew">Register a new record even though the directory holds look-alikes.</param>
public sealed record OrganisationDetails(
    string Name, string? NameEnglish, string? Acronym, string? Country, string? Website = null, Guid? Id = null,
    bool RegisterAsNew = false);

public sealed class OrganisationDetailsValidator : AbstractValidator<OrganisationDetails>
{
    public OrganisationDetailsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().When(o => o.Id is null).MaximumLength(Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(o => o.NameEnglish).MaximumLength(Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(o => o.Acronym).MaximumLength(Organisation.AcronymMaxLength).IsSingleLineName();
        RuleFor(o => o.Country!)
            .Must(Countries.IsKnownCode).When(o => !string.IsNullOrWhiteSpace(o.Country))
            .WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as PE or GB.");
        RuleFor(o => o.Website!).MaximumLength(Organisation.WebsiteMaxLength)
            .Must(w => NameKey.DomainOf(w) is not null).When(o => !string.IsNullOrWhiteSpace(o.Website))
            .WithMessage("'Website' must be an http or https address such as https://example.org.");
    }
}
