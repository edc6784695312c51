using System.Globalization;
using Workflow.Core.Organisations;

namespace Workflow.Core.Publishing;

/// <summary>
/// The list as plain text, in the style of the published resolutions it replaces:
/// <code>
/// Signatories (as of 7 February 2023, further signatories possible):
///
///   1. PCPCI Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast), Côte d’Ivoire
///
/// Subsequent signatories:
///
///   2. PR-ByH Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina), Bosnia &amp; Herzegovina
/// </code>
/// </summary>
public static class SignatoryListText
{
    public static string Render(SignatoryList list, ListOrder order = ListOrder.Signing)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, list, order);
        return text.ToString();
    }

    /// <summary>Writes the list as it goes, for a response that need not hold the whole text in memory.</summary>
    public static void Write(TextWriter text, SignatoryList list, ListOrder order = ListOrder.Signing)
    {
        if (order != ListOrder.Signing)
        {
            Grouped(text, list, order);
            return;
        }
        text.Write(ListFormats.Title(list));
        text.Write("\n\n");
        foreach (var line in ListFormats.About(list)) { text.Write(line); text.Write('\n'); }
        text.Write('\n');
        if (list.IsArticle) return;
        var initiators = list.Signatories.Where(s => s.Initiator).ToList();
        if (initiators.Count > 0) { text.Write("Initiated by: "); text.Write(string.Join("; ",
            initiators.Select(ListFormats.Line))); text.Write("\n\n"); }
        text.Write(ListFormats.InitialHeading(list));
        text.Write(":\n\n");

        var width = list.Signatories.Count == 0 ? 1 : list.Signatories.Max(s => s.Number).ToString(CultureInfo.InvariantCulture).Length;
        var anyInitial = false;
        foreach (var s in list.Initial()) { anyInitial = true; WriteNumbered(text, s, width); text.Write("\n\n"); }
        if (!anyInitial) text.Write("  (none)\n\n");

        // Numbered as the public page numbers them: a number is the signatory's place on the list, whichever phase.
        var anySubsequent = false;
        foreach (var s in list.Subsequent())
        {
            if (!anySubsequent) text.Write("Subsequent signatories:\n\n");
            anySubsequent = true;
            WriteNumbered(text, s, width);
            text.Write('\n');
        }

        text.Write($"\nText signed: version {list.VersionNumber}, SHA-256 {list.TextHash}\n");
        if (list.LogSize > 0) text.Write($"Signatory log: {list.LogSize} entries, root hash {list.LogRoot}\n");
    }

    private static void WriteNumbered(TextWriter text, Signatory s, int width)
    {
        var number = s.Number.ToString(CultureInfo.InvariantCulture);
        for (var pad = 2 + width - number.Length; pad > 0; pad--) text.Write(' ');
        text.Write(number);
        text.Write(". ");
        text.Write(ListFormats.Line(s));
    }

    /// <summary>Alphabetical or by country: headed groups, each signatory with its number.</summary>
    private static void Grouped(TextWriter text, SignatoryList list, ListOrder order)
    {
        text.Write(ListFormats.Title(list));
        text.Write("\n\n");
        foreach (var line in ListFormats.About(list)) { text.Write(line); text.Write('\n'); }
        text.Write('\n');
        foreach (var (heading, signatories) in ListFormats.Arrange(list, order))
        {
            text.Write(heading);
            text.Write(":\n");
            foreach (var s in signatories)
            {
                text.Write("  ");
                text.Write(s.Number);
                text.Write(". ");
                text.Write(ListFormats.Line(s));
                text.Write('\n');
            }
            text.Write('\n');
        }
        text.Write($"Text signed: version {list.VersionNumber}, SHA-256 {list.TextHash}\n");
        if (list.LogSize > 0) text.Write($"Signatory log: {list.LogSize} entries, root hash {list.LogRoot}\n");
    }
}
