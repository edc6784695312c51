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
    public static async Task<IReadOnlyList<OrganisationMatch>> FindMatchesAsync(this WorkflowDb db, OrganisationDetails details,
        CancellationToken ct)
    {
        var (keys, acronym, acronymSkeleton, country, domain) = MatchKeys.Of(details);
        var candidates = await db.Organisations
            .Where(o => o.MergedIntoId == null)
            .Where(o => keys.Contains(o.NameKey) || keys.Contains(o.NameEnglishKey) || keys.Contains(o.NameSkeleton)
                || keys.Contains(o.NameEnglishSkeleton)
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
    /// <returns>The record, whether it was already known, and the names to show (the record's own when the client gave only its
    /// id).</returns>
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
    public static async Task<bool> NamesBelongToAnotherAsync(this WorkflowDb db, Organisation own, OrganisationDetails names,
        CancellationToken ct)
    {
        var keys = new[] { names.Name, names.NameEnglish }.Where(n => !own.HasName(n)).SelectMany(NameKey.KeysOf).Distinct().ToList();
        var acronym = own.HasAcronym(names.Acronym) ? "" : NameKey.OfAcronym(names.Acronym);
        var acronymSkeleton = own.HasAcronym(names.Acronym) ? "" : NameKey.SkeletonOfAcronym(names.Acronym);
        if (keys.Count == 0 && acronym == "" && acronymSkeleton == "") return false;
        var country = own.Country;
        return await db.Organisations.AnyAsync(o => o.MergedIntoId == null && o.Id != own.Id
            && (keys.Contains(o.NameKey) || keys.Contains(o.NameEnglishKey) || keys.Contains(o.NameSkeleton)
                || keys.Contains(o.NameEnglishSkeleton)
                || o.FormerNameKeys.Any(k => keys.Contains(k))
                || ((country == null || o.Country == null || o.Country == country)
                    && ((acronym != "" && o.AcronymKey == acronym) || (acronymSkeleton != ""
                        && o.AcronymSkeleton == acronymSkeleton)))), ct);
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

/// <summary>What a directory record must share with some details to be looked at as a possible match
/// (<see cref="OrganisationDirectory.FindMatchesAsync"/>).</summary>
internal sealed record MatchKeys(List<string> Keys, string Acronym, string AcronymSkeleton, string? Country, string? Domain)
{
    public static MatchKeys Of(OrganisationDetails details) => new(
        NameKey.KeysOf(details.Name).Concat(NameKey.KeysOf(details.NameEnglish)).Distinct().ToList(),
        NameKey.OfAcronym(details.Acronym),
        NameKey.SkeletonOfAcronym(details.Acronym),
        OptionalText.TrimmedOrNull(details.Country)?.ToUpperInvariant(),
        NameKey.DomainOf(details.Website));

    /// <summary>The condition of <see cref="OrganisationDirectory.FindMatchesAsync"/>'s query, in memory.</summary>
    public bool Admits(Organisation o) => o.MergedIntoId == null
        && (Keys.Contains(o.NameKey) || Keys.Contains(o.NameEnglishKey) || Keys.Contains(o.NameSkeleton)
            || Keys.Contains(o.NameEnglishSkeleton)
            || o.FormerNameKeys.Any(Keys.Contains)
            || (Country != null && o.Country == Country
                && ((Acronym != "" && o.AcronymKey == Acronym) || (AcronymSkeleton != "" && o.AcronymSkeleton == AcronymSkeleton)))
            || (Domain != null && o.WebDomain == Domain));
}

/// <summary>
/// <see cref="OrganisationDirectory.ResolveAsync"/> for many details at once (a bulk invitation): one query reads every record
/// any of them may match, then each is resolved in memory by the same rules, seeing the records registered for the
/// details before it as the one-at-a-time path would (it saved them).
/// </summary>
public sealed class DirectoryBatch(WorkflowDb db)
{
    // The records read or registered so far, under each key a query could find them by: a name key ("n:"), an acronym ("a:"),
    // an acronym's skeleton ("s:") or a web domain ("d:").
    private readonly Dictionary<string, List<Organisation>> _byKey = [];
    private readonly HashSet<Guid> _known = [];

    /// <summary>Reads the live records that any of these details may match (a superset; each is filtered as its own query would).</summary>
    public async Task LoadCandidatesAsync(IEnumerable<OrganisationDetails> details, CancellationToken ct)
    {
        var all = details.Where(d => d.Id is null && !d.RegisterAsNew).Select(MatchKeys.Of).ToList();
        var keys = all.SelectMany(k => k.Keys).Distinct().ToList();
        var acronyms = all.Where(k => k.Country != null && k.Acronym != "").Select(k => k.Acronym).Distinct().ToList();
        var skeletons = all.Where(k => k.Country != null && k.AcronymSkeleton != "").Select(k => k.AcronymSkeleton).Distinct().ToList();
        var domains = all.Where(k => k.Domain != null).Select(k => k.Domain!).Distinct().ToList();
        if (keys.Count + acronyms.Count + skeletons.Count + domains.Count == 0) return;
        // Each list as one array parameter: EF's default of one parameter per element would write (and have the database
        // parse) a statement of thousands of parameters for a thousand rows, anew for each size, beyond SQL Server's limit of 2,100.
        var found = await db.Organisations.AsNoTracking()
            .Where(o => o.MergedIntoId == null)
            .Where(o => EF.Parameter(keys).Contains(o.NameKey) || EF.Parameter(keys).Contains(o.NameEnglishKey)
                || EF.Parameter(keys).Contains(o.NameSkeleton) || EF.Parameter(keys).Contains(o.NameEnglishSkeleton)
                || o.FormerNameKeys.Any(k => EF.Parameter(keys).Contains(k))
                || EF.Parameter(acronyms).Contains(o.AcronymKey) || EF.Parameter(skeletons).Contains(o.AcronymSkeleton)
                || (o.WebDomain != null && EF.Parameter(domains).Contains(o.WebDomain)))
            .ToListAsync(ct);
        foreach (var organisation in found) Remember(organisation);
    }

    /// <inheritdoc cref="OrganisationDirectory.ResolveAsync"/>
    public async Task<(Organisation Organisation, bool Matched, OrganisationDetails ShownAs)> ResolveAsync(
        OrganisationDetails details, DateTimeOffset now, CancellationToken ct, string? registeredBy = null)
    {
        if (details.Id is not null) return await db.ResolveAsync(details, now, ct, registeredBy);
        if (!details.RegisterAsNew)
        {
            var keys = MatchKeys.Of(details);
            var lookedUp = keys.Keys.Select(k => "n:" + k)
                .Concat(keys.Acronym != "" ? ["a:" + keys.Acronym] : [])
                .Concat(keys.AcronymSkeleton != "" ? ["s:" + keys.AcronymSkeleton] : [])
                .Concat(keys.Domain != null ? ["d:" + keys.Domain] : []);
            var matches = lookedUp.SelectMany(k => _byKey.TryGetValue(k, out var found) ? found : []).Distinct()
                .Where(keys.Admits).OrderBy(o => o.CreatedAt).Take(20)
                .Select(o => new OrganisationMatch(o, o.Matches(details)))
                .Where(m => m.Reasons.Count > 0)
                .OrderBy(m => m.Reasons.Min())
                .ToList();
            if (matches.FirstOrDefault(m => m.Reasons.Contains(MatchReason.Name)) is { } sameName)
                return (sameName.Organisation, true, details);
            if (matches.Count > 0) throw OrganisationDirectory.PossibleTwin(matches);
        }

        var organisation = Organisation.Register(details, now, registeredBy);
        db.Organisations.Add(organisation);
        Remember(organisation);
        return (organisation, false, details);
    }

    /// <summary>Takes back a record registered for details that were then refused: nothing of them may be saved.</summary>
    public void Forget(Organisation registered)
    {
        db.Entry(registered).State = EntityState.Detached;
        foreach (var key in KeysOf(registered))
            if (_byKey.TryGetValue(key, out var under)) under.Remove(registered);
        _known.Remove(registered.Id);
    }

    private void Remember(Organisation organisation)
    {
        if (!_known.Add(organisation.Id)) return;
        foreach (var key in KeysOf(organisation))
        {
            if (!_byKey.TryGetValue(key, out var under)) _byKey[key] = under = [];
            under.Add(organisation);
        }
    }

    private static IEnumerable<string> KeysOf(Organisation o) =>
        new[] { o.NameKey, o.NameEnglishKey, o.NameSkeleton, o.NameEnglishSkeleton }.Concat(o.FormerNameKeys)
            .Where(k => !string.IsNullOrEmpty(k)).Select(k => "n:" + k)
            .Concat(o.AcronymKey != "" ? ["a:" + o.AcronymKey] : [])
            .Concat(o.AcronymSkeleton != "" ? ["s:" + o.AcronymSkeleton] : [])
            .Concat(o.WebDomain != null ? ["d:" + o.WebDomain] : [])
            .Distinct();
}
