namespace Workflow.Core.Tests.Common;

/// <summary>
/// The line-length rule of .editorconfig (<c>max_line_length = 140</c>), which the compiler does not check: a line that
/// needs a wide screen or sideways scrolling in a review hides what it says. Generated code (migrations, compiled models)
/// is exempt, and so is a line holding a text to translate (<c>t["…"]</c>): its English text is the resource key, kept in
/// one piece so that translators and LanguageTests find it.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int MaxLineLength = 140;

    [Fact]
    public void No_line_of_the_services_source_is_longer_than_the_editorconfig_allows()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var tooLong = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsGenerated(Path.GetRelativePath(source, file)))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (File: Path.GetRelativePath(source, file), Line: index + 1, line.Length, Text: line)))
            .Where(l => l.Length > MaxLineLength && !l.Text.Contains("t[\"", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"src/{l.File}:{l.Line} ({l.Length} characters)")
            .ToList();

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines are longer than {MaxLineLength} characters:\n" + string.Join("\n", tooLong.Take(50)));
    }

    [Fact]
    public void The_editorconfig_states_the_rule_this_test_checks() =>
        Assert.Contains($"max_line_length = {MaxLineLength}", File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".editorconfig")));

    private static bool IsGenerated(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts[0].StartsWith("Workflow.Migrations.", StringComparison.Ordinal) || parts.Contains("obj") || parts.Contains("bin");
    }
}
