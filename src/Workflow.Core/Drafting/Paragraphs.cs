using System.Text.RegularExpressions;

namespace Workflow.Core.Drafting;

/// <summary>A text's paragraphs as comments and amendments address them: blocks separated by blank lines, numbered from 1.</summary>
public static partial class Paragraphs
{
    public static IReadOnlyList<string> Of(string body) =>
        BlankLines().Split(body.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(p => p.Trim('\n'))
            .Where(p => p.Trim().Length > 0).ToList();

    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex BlankLines();
}
