using System.Runtime.CompilerServices;
using Workflow.Core.Publishing;

namespace Workflow.Core.Tests.Publishing;

/// <summary>
/// The published files are copied, hashed and compared by those who keep them: a change in how they are written must not
/// change a byte of them. The expected files in Formats/ were written by the implementation that built each format as one
/// string (before the formats were written to the response as they go); WORKFLOW_WRITE_FORMATS=1 writes them afresh.
/// The printable page's files are the Api's (PrintableListTests).
/// </summary>
public sealed class ListFormatBytesTests
{
    public static TheoryData<string> Cases() => [.. Renderings().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_format_writes_the_bytes_it_always_wrote(string name) =>
        FormatSamples.AssertWritesTheFile(Folder(), name, Renderings()[name]());

    private static Dictionary<string, Func<string>> Renderings()
    {
        var renderings = new Dictionary<string, Func<string>>();
        foreach (var (listName, list) in FormatSamples.Lists())
            foreach (var order in Enum.GetValues<ListOrder>())
            {
                renderings[$"{listName}-{order}.txt"] = () => SignatoryListText.Render(list, order);
                renderings[$"{listName}-{order}.md"] = () => ListFormats.Markdown(list, order);
                renderings[$"{listName}-{order}.csv"] = () => ListFormats.Csv(list, order);
            }
        return renderings;
    }

    private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Formats");
}
