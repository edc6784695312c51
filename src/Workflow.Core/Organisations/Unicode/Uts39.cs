using System.Globalization;
using System.Text;

namespace Workflow.Core.Organisations.Unicode;

/// <summary>
/// The confusable skeleton of Unicode Technical Standard #39 (section 4): two strings that look alike have the same
/// skeleton, whatever scripts they mix (Cyrillic "Раrtу" and Latin "Party", capital I and small l). The data beside
/// this file is generated from Unicode's confusables.txt and DerivedCoreProperties.txt by
/// tools/unicode/generate_skeleton_data.py; their headers give the versions, LICENSE-UNICODE.txt the terms.
/// </summary>
public static class Uts39
{
    private static readonly Lazy<IReadOnlyDictionary<int, string>> Prototypes = new(LoadPrototypes);
    private static readonly Lazy<(int First, int Last)[]> Ignorables = new(LoadIgnorables);

    /// <summary>skeleton(X): NFD, without default-ignorable code points, each code point replaced by its prototype, NFD again.</summary>
    public static string Skeleton(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var mapped = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (IsDefaultIgnorable(rune.Value)) continue;
            if (Prototypes.Value.TryGetValue(rune.Value, out var prototype)) mapped.Append(prototype);
            else mapped.Append(rune.ToString());
        }
        return mapped.ToString().Normalize(NormalizationForm.FormD);
    }

    /// <summary>The text without its default-ignorable code points (invisible: tag characters, zero-width spaces and joiners, variation
    /// selectors…).</summary>
    public static string WithoutDefaultIgnorables(string text)
    {
        if (!text.EnumerateRunes().Any(r => IsDefaultIgnorable(r.Value))) return text;
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (!IsDefaultIgnorable(rune.Value)) kept.Append(rune.ToString());
        return kept.ToString();
    }

    /// <summary>Unicode's Default_Ignorable_Code_Point property.</summary>
    public static bool IsDefaultIgnorable(int codePoint)
    {
        var ranges = Ignorables.Value;
        int low = 0, high = ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (codePoint < ranges[middle].First) high = middle - 1;
            else if (codePoint > ranges[middle].Last) low = middle + 1;
            else return true;
        }
        return false;
    }

    private static IReadOnlyDictionary<int, string> LoadPrototypes() => Rows("confusables.tsv").ToDictionary(
        row => Hex(row[0]),
        row => string.Concat(row[1].Split(' ').Select(cp => char.ConvertFromUtf32(Hex(cp)))));

    private static (int, int)[] LoadIgnorables() => Rows("default-ignorable.tsv").Select(row => (Hex(row[0]), Hex(row[1]))).ToArray();

    private static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(Uts39).Assembly.GetManifestResourceStream($"{typeof(Uts39).Namespace}.{file}")
            ?? throw new InvalidOperationException($"The embedded Unicode data {file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') rows.Add(line.Split('\t'));
        return rows;
    }

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
