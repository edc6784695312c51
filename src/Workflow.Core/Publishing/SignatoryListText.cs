using System.Globalization;
using System.Text;
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
        if (order != ListOrder.Signing) return Grouped(list, order);
        var text = new StringBuilder();
        text.Append(ListFormats.Title(list)).Append("\n\n");
        foreach (var line in ListFormats.About(list)) text.Append(line).Append('\n');
        text.Append('\n');
        if (list.IsArticle) return text.ToString();
        var initiators = list.Signatories.Where(s => s.Initiator).ToList();
        if (initiators.Count > 0) text.Append("Initiated by: ").AppendJoin("; ", initiators.Select(ListFormats.Line)).Append("\n\n");
        text.Append(ListFormats.InitialHeading(list)).Append(":\n\n");

        var initial = list.Initial().ToList();
        if (initial.Count == 0) text.Append("  (none)\n\n");
        var width = list.Signatories.Count == 0 ? 1 : list.Signatories.Max(s => s.Number).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var s in initial) text.Append(Numbered(s, width)).Append("\n\n");

        // Numbered as the public page numbers them: a number is the signatory's place on the list, whichever phase.
        var subsequent = list.Subsequent().ToList();
        if (subsequent.Count > 0)
        {
            text.Append("Subsequent signatories:\n\n");
            foreach (var s in subsequent) text.Append(Numbered(s, width)).Append('\n');
        }

        text.Append($"\nText signed: version {list.VersionNumber}, SHA-256 {list.TextHash}\n");
        if (list.LogSize > 0) text.Append($"Signatory log: {list.LogSize} entries, root hash {list.LogRoot}\n");
        return text.ToString();
    }

    private static string Numbered(Signatory s, int width)
    {
        var number = s.Number.ToString(CultureInfo.InvariantCulture);
        return $"{new string(' ', 2 + width - number.Length)}{number}. {ListFormats.Line(s)}";
    }

    /// <summary>Alphabetical or by country: headed groups, each signatory with its number.</summary>
    private static string Grouped(SignatoryList list, ListOrder order)
    {
        var text = new StringBuilder(ListFormats.Title(list)).Append("\n\n");
        foreach (var line in ListFormats.About(list)) text.Append(line).Append('\n');
        text.Append('\n');
        foreach (var (heading, signatories) in ListFormats.Arrange(list, order))
        {
            text.Append(heading).Append(":\n");
            foreach (var s in signatories) text.Append("  ").Append(s.Number).Append(". ").Append(ListFormats.Line(s)).Append('\n');
            text.Append('\n');
        }
        text.Append($"Text signed: version {list.VersionNumber}, SHA-256 {list.TextHash}\n");
        if (list.LogSize > 0) text.Append($"Signatory log: {list.LogSize} entries, root hash {list.LogRoot}\n");
        return text.ToString();
    }
}
