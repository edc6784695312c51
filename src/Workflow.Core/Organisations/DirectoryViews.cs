namespace Workflow.Core.Organisations;

/// <summary>An organisation as the directory holds it.</summary>
/// <param name="ContactEmails">Its contact e-mails, or null for a caller who may not see them
/// (<see cref="ContactEmailVisibility"/>).</param>
public sealed record DirectoryEntry(
    Guid Id, string Name, string? NameEnglish, string? Acronym, string? Country, string? Website, IReadOnlyList<string>? ContactEmails,
    DateTimeOffset CreatedAt, Guid? MergedIntoId)
{
    /// <param name="withContactEmails">Only for a caller who may see them (<see cref="ContactEmailVisibility"/>); by default they are left
    /// out.</param>
    public static DirectoryEntry From(Organisation o, bool withContactEmails = false) =>
        new(o.Id, o.Name, o.NameEnglish, o.Acronym, o.Country, o.Website, withContactEmails ? o.ContactEmails : null, o.CreatedAt,
            o.MergedIntoId);
}

/// <param name="Reasons">Name, AcronymAndCountry or Website.</param>
public sealed record DirectoryMatch(DirectoryEntry Organisation, IReadOnlyList<string> Reasons)
{
    public static DirectoryMatch From(OrganisationMatch match) =>
        new(DirectoryEntry.From(match.Organisation), match.Reasons.Select(r => r.ToString()).ToList());
}
