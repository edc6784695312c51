namespace Workflow.Core.Organisations;

public sealed record OrganisationRecord(DirectoryEntry Organisation, IReadOnlyList<MergedRecord> MergedFrom);

public sealed record MergedRecord(Guid Id, string Name, string? NameEnglish, string? Acronym, DateTimeOffset MergedAt, string MergedBy);
