using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Workflow.Core.Statements;

/// <param name="Kind">equal, inserted or deleted.</param>
public sealed record DiffRun(string Kind, string Text);

/// <summary>A word-level comparison of two texts: runs for clients to render, and the same as safe HTML.</summary>
public sealed record TextDiffView(int From, int To, IReadOnlyList<DiffRun> Runs, string Html);

/// <summary>Word-level diff with DiffPlex. Words and the spaces between them are the pieces, so the runs rebuild both texts exactly.</summary>
public static partial class TextDiff
{
    private static readonly CustomFunctionChunker Words = new(text => WordsAndSpaces().Split(text).Where(p => p.Length > 0).ToArray());

    public static IReadOnlyList<DiffRun> Runs(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var runs = new List<DiffRun>();
        void Add(string kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0) return;
            if (runs.Count > 0 && runs[^1].Kind == kind) runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            else runs.Add(new DiffRun(kind, text));
        }

        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add("equal", result.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add("deleted", result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add("inserted", result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add("equal", result.PiecesOld.Skip(a));
        return runs;
    }

    /// <summary>The runs as HTML: every piece of text encoded, deletions in &lt;del&gt;, insertions in &lt;ins&gt;.</summary>
    public static string Html(IEnumerable<DiffRun> runs)
    {
        var html = new StringBuilder("<div class=\"diff\">");
        foreach (var run in runs)
        {
            var text = HtmlEncoder.Default.Encode(run.Text);
            html.Append(run.Kind switch { "inserted" => $"<ins>{text}</ins>", "deleted" => $"<del>{text}</del>", _ => text });
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>The text a version's hash covers, as diffs compare it: title, blank line, body.</summary>
    public static string Of(StatementVersion version) => $"{version.Title}\n\n{version.Body}";

    public static TextDiffView Between(StatementVersion from, StatementVersion to)
    {
        var runs = Runs(Of(from), Of(to));
        return new TextDiffView(from.Number, to.Number, runs, Html(runs));
    }

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex WordsAndSpaces();
}
