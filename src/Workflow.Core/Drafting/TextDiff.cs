using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <param name="Kind">equal, inserted or deleted.</param>
public sealed record DiffRun(string Kind, string Text);

/// <summary>A word-level comparison of two texts: runs for clients to render, and the same as safe HTML.</summary>
public sealed record TextDiffView(int From, int To, IReadOnlyList<DiffRun> Runs, string Html);

/// <summary>
/// Word-level diff: lines first (a paragraph is a line), then words and the spaces between them inside the lines that changed.
/// Its cost is bounded (<see cref="BoundedDiff"/>): beyond the bound a changed stretch is shown as removed and added whole.
/// The runs rebuild both texts exactly.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Steps of Myers' algorithm one comparison may take, lines and words together: some tens of milliseconds.</summary>
    private const long MyersStepsPerComparison = 30_000_000;

    public static IReadOnlyList<DiffRun> Runs(string oldText, string newText)
    {
        var budget = new DiffBudget(MyersStepsPerComparison);
        var runs = new List<(string Kind, StringBuilder Text)>();
        void Add(string kind, string[] pieces, int start, int count)
        {
            if (count == 0) return;
            if (runs.Count == 0 || runs[^1].Kind != kind) runs.Add((kind, new StringBuilder()));
            for (var i = start; i < start + count; i++) runs[^1].Text.Append(pieces[i]);
        }

        var (oldLines, newLines) = (Lines(oldText), Lines(newText));
        foreach (var lines in new BoundedDiff(budget).Diff(oldLines, newLines))
        {
            if (lines.Equal)
            {
                Add("equal", oldLines, lines.OldStart, lines.OldCount);
                continue;
            }
            var oldWords = Words(string.Concat(oldLines.AsSpan(lines.OldStart, lines.OldCount)));
            var newWords = Words(string.Concat(newLines.AsSpan(lines.NewStart, lines.NewCount)));
            foreach (var words in new BoundedDiff(budget).Diff(oldWords, newWords))
            {
                if (words.Equal) Add("equal", oldWords, words.OldStart, words.OldCount);
                else
                {
                    Add("deleted", oldWords, words.OldStart, words.OldCount);
                    Add("inserted", newWords, words.NewStart, words.NewCount);
                }
            }
        }
        return runs.Select(r => new DiffRun(r.Kind, r.Text.ToString())).ToList();
    }

    /// <summary>Each line with its line break.</summary>
    private static string[] Lines(string text) => LineEnds().Split(text).Where(p => p.Length > 0).ToArray();

    private static string[] Words(string text) => WordsAndSpaces().Split(text).Where(p => p.Length > 0).ToArray();

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
    public static string Of(StatementVersion version) => Of(version.Title, version.Body);

    public static string Of(string title, string body) => $"{title}\n\n{body}";

    public static TextDiffView Between(StatementVersion from, StatementVersion to)
    {
        var runs = Runs(Of(from), Of(to));
        return new TextDiffView(from.Number, to.Number, runs, Html(runs));
    }

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex WordsAndSpaces();

    [GeneratedRegex(@"(?<=\n)")]
    private static partial Regex LineEnds();
}
