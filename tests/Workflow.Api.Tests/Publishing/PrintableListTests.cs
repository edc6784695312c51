using System.Runtime.CompilerServices;
using Workflow.Api.Publishing;
using Workflow.Core.Publishing;
using Workflow.Core.Tests.Publishing;

namespace Workflow.Api.Tests.Publishing;

/// <summary>
/// The printable page is copied and compared like the text formats (ListFormatBytesTests in the Core's tests): the
/// expected files in Formats/ were written when it was built as one string in the Core, and it must not change a byte.
/// </summary>
public sealed class PrintableListTests
{
    public static TheoryData<string> Cases() => [.. Renderings().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_printable_page_writes_the_bytes_it_always_wrote(string name) =>
        FormatSamples.AssertWritesTheFile(Folder(), name, Renderings()[name]());

    [Fact]
    public void The_widget_counts_a_partial_list_as_named_and_says_an_article_is_by_its_writers()
    {
        var partial = new SignatoryList("caracas", "Solidarity with the people of Peru!", "Published", null, false, 1, new string('c', 64),
            [new Signatory(1, "Peruvian Communist party", null, null, null, null, "Initial", Initiator: true),
                new Signatory(2, "CPGB-ML", null, null, null, null, "Initial")],
            Kind: "Joint", IssuedBy: "The political parties meeting in Caracas", ListIsPartial: true,
            ListNote: "The source names 2 of the parties that agreed it.");
        var article = new SignatoryList("p", "Against US aggression", "Published", null, false, 1, new string('d', 64), [], Kind: "Article",
            IssuedBy: "Proletarian writers");

        Assert.Contains("2 signatories named (the list is partial)", PrintableList.Widget(partial, "https://example.org/s", "/p.css"));
        Assert.Contains("Article by Proletarian writers", PrintableList.Widget(article, "https://example.org/s", "/p.css"));
    }

    private static Dictionary<string, Func<string>> Renderings()
    {
        var renderings = new Dictionary<string, Func<string>>();
        foreach (var (listName, list) in FormatSamples.Lists())
            foreach (var order in Enum.GetValues<ListOrder>())
                renderings[$"{listName}-{order}.html"] =
                    () => PrintableList.Html(list, order, "/styles/print.css", ("fr", "<p>Nous, <em>soussignés</em>.</p>"));
        return renderings;
    }

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Formats");
}
