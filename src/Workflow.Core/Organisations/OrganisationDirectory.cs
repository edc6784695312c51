using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>A directory record that may be the organisation a client described, and why.</summary>
public sealed record OrganisationMatch(Organisation Organisation, IReadOnlyList<MatchReason> Reasons);

public static class OrganisationDirectory
{
    /// <summary>
    /// Records that may be the organisation these details describe: the same name in any spelling, script or look-alike characters (in
    /// the same country), the same acronym in the same country, or the same website. Strongest evidence first.
    /// </summary>
    public static async Task<IReadOnlyList<OrganisationMatch>> FindMatchesAsync(this WorkflowDb db, OrganisationDetails details, CancellationToken ct)
    {
        var keys = NameKey.KeysOf(details.Name).Concat(NameKey.KeysOf(details.NameEnglish)).Distinct().ToList();
        var acronym = NameKey.OfAcronym(details.Acronym);
        var acronymSkeleton = NameKey.SkeletonOfAcronym(details.Acronym);
        var country = string.IsNullOrWhiteSpace(details.Country) ? null : details.Country.Trim().ToUpperInvariant();
        var domain = NameKey.DomainOf(details.Website);
        var candidates = await db.Organisations
            .Where(o => o.MergedIntoId == null)
            .Where(o => keys.Contains(o.NameKey) || keys.Contains(o.NameEnglishKey) || keys.Contains(o.NameSkeleton) || keys.Contains(o.NameEnglishSkeleton)
                || o.FormerNameKeys.Any(k => keys.Contains(k))
                || (country != null && o.Country == country
                    && ((acronym != "" && o.AcronymKey == acronym) || (acronymSkeleton != "" && o.AcronymSkeleton == acronymSkeleton)))
                || (domain != null && o.WebDomain == domain))
            .OrderBy(o => o.CreatedAt)
            .Take(20)
            .ToListAsync(ct);
        return candidates.Select(o => new OrganisationMatch(o, o.Matches(details)))
            .Where(m => m.Reasons.Count > 0)
            .OrderBy(m => m.Reasons.Min())
            .ToList();
    }

    /// <summary>
    /// The directory record a request means: the one it names by id; else the one whose name meets these details;
    /// else a new record. When the only look-alikes share the acronym and country or the website, the client is
    /// offered them (409 with the matches) rather than a twin being created, unless it asked for a new record.
    /// </summary>
    /// <returns>The record, whether it was already known, and the names to show (the record's own when the client gave only its id).</returns>
    public static async Task<(Organisation Organisation, bool Matched, OrganisationDetails ShownAs)> ResolveAsync(
        this WorkflowDb db, OrganisationDetails details, DateTimeOffset now, CancellationToken ct, string? registeredBy = null)
    {
        if (details.Id is { } id)
        {
            var chosen = await db.FindLiveOrganisationAsync(id, ct)
                ?? throw new DomainRuleException("organisation.id", "No organisation in the directory has this id.");
            var shownAs = string.IsNullOrWhiteSpace(details.Name)
                ? new OrganisationDetails(chosen.Name, chosen.NameEnglish, chosen.Acronym, chosen.Country)
                : details;
            return (chosen, true, shownAs);
        }

        if (!details.RegisterAsNew)
        {
            var matches = await db.FindMatchesAsync(details, ct);
            if (matches.FirstOrDefault(m => m.Reasons.Contains(MatchReason.Name)) is { } sameName)
                return (sameName.Organisation, true, details);
            if (matches.Count > 0) throw PossibleTwin(matches);
        }

        var organisation = Organisation.Register(details, now, registeredBy);
        db.Organisations.Add(organisation);
        return (organisation, false, details);
    }

    /// <summary>
    /// Whether another organisation of the directory (live, in any country) bears one of these names, in spelling or in look, or
    /// this acronym in the same country: what an organisation correcting its own name (<c>nameAs</c>) may not take. Names and
    /// an acronym that are this organisation's own (or its merged twins') are always its to use.
    /// </summary>
    public static async Task<bool> NamesBelongToAnotherAsync(this WorkflowDb db, Organisation own, OrganisationDetails names, CancellationToken ct)
    {
        var keys = new[] { names.Name, names.NameEnglish }.Where(n => !own.HasName(n)).SelectMany(NameKey.KeysOf).Distinct().ToList();
        var acronym = own.HasAcronym(names.Acronym) ? "" : NameKey.OfAcronym(names.Acronym);
        var acronymSkeleton = own.HasAcronym(names.Acronym) ? "" : NameKey.SkeletonOfAcronym(names.Acronym);
        if (keys.Count == 0 && acronym == "" && acronymSkeleton == "") return false;
        var country = own.Country;
        return await db.Organisations.AnyAsync(o => o.MergedIntoId == null && o.Id != own.Id
            && (keys.Contains(o.NameKey) || keys.Contains(o.NameEnglishKey) || keys.Contains(o.NameSkeleton) || keys.Contains(o.NameEnglishSkeleton)
                || o.FormerNameKeys.Any(k => keys.Contains(k))
                || ((country == null || o.Country == null || o.Country == country)
                    && ((acronym != "" && o.AcronymKey == acronym) || (acronymSkeleton != "" && o.AcronymSkeleton == acronymSkeleton)))), ct);
    }

    /// <summary>The record with this id, or the one it was merged into.</summary>
    public static async Task<Organisation?> FindLiveOrganisationAsync(this WorkflowDb db, Guid id, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        for (var hops = 0; organisation?.MergedIntoId is { } next && hops < 10; hops++)
            organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == next, ct);
        return organisation;
    }

    public static ConflictException PossibleTwin(IReadOnlyList<OrganisationMatch> matches)
    {
        var first = matches[0];
        return new ConflictException(
            $"The directory may already hold this organisation: {first.Organisation.Name} ({Describe(first.Reasons)}). " +
            "Send organisation.id to use a record listed in 'matches', or organisation.registerAsNew: true to register a new one.",
            new Dictionary<string, object?> { ["matches"] = matches.Select(DirectoryMatch.From).ToList() });
    }

    public static string Describe(IEnumerable<MatchReason> reasons) => string.Join("; ", reasons.Select(r => r switch
    {
        MatchReason.Name => "same name",
        MatchReason.AcronymAndCountry => "same acronym and country",
        MatchReason.Website => "same website",
        _ => r.ToString(),
    }));
}
