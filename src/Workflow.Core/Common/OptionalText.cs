namespace Workflow.Core.Common;

public static class OptionalText
{
    /// <summary>An optional field as the use cases keep it: trimmed, and null when left empty or only blank.</summary>
    public static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
