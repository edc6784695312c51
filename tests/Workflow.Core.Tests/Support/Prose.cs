namespace Workflow.Tests.Support;

/// <summary>About 200 KB of prose in paragraphs of a few sentences, the same for the same seed (the diff's tests and benchmark).</summary>
public static class Prose
{
    private static readonly string[] Syllables =
        ["so", "li", "da", "ri", "dad", "pue", "blo", "lu", "cha", "tra", "ba", "jo", "mo", "vi", "mien", "to", "paz", "pan", "tie", "rra"];

    public static List<string> Paragraphs(int seed, int bytes = 200_000)
    {
        var random = new Random(seed);
        string Word() => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        var paragraphs = new List<string>();
        var size = 0;
        while (size < bytes)
        {
            var paragraph = string.Join(" ", Enumerable.Range(0, random.Next(3, 7))
                .Select(_ => string.Join(" ", Enumerable.Range(0, random.Next(8, 20)).Select(_ => Word())) + "."));
            paragraphs.Add(paragraph);
            size += paragraph.Length + 2;
        }
        return paragraphs;
    }

    /// <summary>The same paragraphs with one word in <paramref name="every"/> replaced.</summary>
    public static List<string> Scattered(List<string> paragraphs, int every)
    {
        var n = 0;
        return paragraphs.Select(p => string.Join(' ', p.Split(' ').Select(w => ++n % every == 0 ? $"cambio{n}" : w))).ToList();
    }
}
