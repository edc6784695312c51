namespace Workflow.Core.Organisations;

/// <summary>An organisation as the directory holds it.</summary>
public sealed record DirectoryEntry(
    Guid Id, string Name, string? NameEnglish, string? Acronym, string? Country, string? Website, IReadOnlyList<string> ContactEmails,
    DateTimeOffset CreatedAt, Guid? MergedIntoId)
{
    public static DirectoryEntry From(Organisation o) =>
        new(o.Id, o.Name, o.NameEnglish, o.Acronym, o.Country, o.Website, o.ContactEmails, o.CreatedAt, o.MergedIntoId);
}

/// <param name="Reasons">Name, AcronymAndCountry or Website.</param>
public sealed record DirectoryMatch(DirectoryEntry Organisation, IReadOnlyList<string> Reasons)
{
    public static DirectoryMatch From(OrganisationMatch match) =>
        new(DirectoryEntry.From(match.Organisation), match.Reasons.Select(r => r.ToString()).ToList());
}
