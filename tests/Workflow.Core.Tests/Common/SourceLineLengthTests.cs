namespace Workflow.Core.Tests.Common;

/// <summary>
/// The line-length rule of .editorconfig (<c>max_line_length = 140</c>), which the compiler does not check: a line that
/// needs a wide screen or sideways scrolling in a review hides what it says. It holds for the service's code and pages and for
/// the tests. Exempt: generated code (migrations, compiled models); a line holding a text to translate (<c>t["…"]</c>), whose
/// English text is the resource key, kept in one piece so that translators and LanguageTests find it; and the inside of a raw
/// string literal (<c>"""</c>: SQL, scripts, expected output) with the lines that open and close it, where a line break would
/// change the text.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int MaxLineLength = 140;

    [Theory]
    [InlineData("src", "*.cs")]
    [InlineData("src", "*.cshtml")]
    [InlineData("tests", "*.cs")]
    public void No_line_is_longer_than_the_editorconfig_allows(string folder, string files)
    {
        var root = Path.Combine(RepositoryPaths.Root, folder);
        var tooLong = Directory.EnumerateFiles(root, files, SearchOption.AllDirectories)
            .Where(file => !IsGenerated(Path.GetRelativePath(root, file)))
            .SelectMany(file => LinesOutsideRawStrings(file)
                .Select(l => (File: Path.GetRelativePath(root, file), l.Line, l.Text.Length, l.Text)))
            .Where(l => l.Length > MaxLineLength && !l.Text.Contains("t[\"", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{folder}/{l.File}:{l.Line} ({l.Length} characters)")
            .ToList();

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} lines are longer than {MaxLineLength} characters:\n" + string.Join("\n", tooLong.Take(50)));
    }

    [Fact]
    public void The_editorconfig_states_the_rule_this_test_checks() =>
        Assert.Contains($"max_line_length = {MaxLineLength}", File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".editorconfig")));

    private static IEnumerable<(int Line, string Text)> LinesOutsideRawStrings(string file)
    {
        var insideRawString = false;
        var number = 0;
        foreach (var text in File.ReadLines(file))
        {
            number++;
            var delimiters = text.Split("\"\"\"").Length - 1;
            if (!insideRawString && delimiters == 0) yield return (number, text);
            if (delimiters % 2 == 1) insideRawString = !insideRawString;
        }
    }

    private static bool IsGenerated(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts[0].StartsWith("Workflow.Migrations.", StringComparison.Ordinal) || parts.Contains("obj") || parts.Contains("bin")
            || parts.Contains("TestResults");
    }
}
