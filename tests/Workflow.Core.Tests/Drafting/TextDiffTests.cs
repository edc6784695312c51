using System.Diagnostics;
using System.Text;
using Workflow.Core.Statements;
using Xunit.Abstractions;
using Workflow.Core.Drafting;

namespace Workflow.Core.Tests.Drafting;

public sealed class TextDiffTests(ITestOutputHelper output)
{
    private static string Text(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    /// <summary>The diff and the CPU time it took on this thread (the machines we test on are shared: wall time says little).</summary>
    private (IReadOnlyList<DiffRun> Runs, TimeSpan Took) Timed(string oldText, string newText)
    {
        TextDiff.Runs("warm up the JIT", "warm up the code"); // not part of the measure
        var (cpu, wall) = (ThreadCpuTime(), Stopwatch.StartNew());
        var runs = TextDiff.Runs(oldText, newText);
        var took = ThreadCpuTime() - cpu;
        output.WriteLine($"{oldText.Length:N0} and {newText.Length:N0} characters: {took.TotalMilliseconds:N0} ms of CPU " +
            $"({wall.Elapsed.TotalMilliseconds:N0} ms wall), {runs.Count} runs");
        return (runs, took);
    }

    private static TimeSpan ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux()) return Stopwatch.GetElapsedTime(0);
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0) throw new InvalidOperationException("clock_gettime failed");
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static void AssertRebuildsBoth(IReadOnlyList<DiffRun> runs, string oldText, string newText)
    {
        Assert.Equal(oldText, string.Concat(runs.Where(r => r.Kind != "inserted").Select(r => r.Text)));
        Assert.Equal(newText, string.Concat(runs.Where(r => r.Kind != "deleted").Select(r => r.Text)));
    }

    [Fact]
    public void Two_200_KB_versions_with_scattered_changes_are_compared_word_by_word_well_within_two_seconds()
    {
        var paragraphs = Prose.Paragraphs(seed: 1);
        var changed = paragraphs.ToList();
        var random = new Random(2);
        var replaced = new List<(string Old, string New)>();
        for (var i = 0; i < 25; i++)
        {
            var p = random.Next(changed.Count);
            var words = changed[p].Split(' ');
            var w = random.Next(words.Length);
            var replacement = $"cambio{i}";
            replaced.Add((words[w], replacement));
            words[w] = replacement;
            changed[p] = string.Join(' ', words);
        }
        changed.Insert(changed.Count / 3, "A paragraph added in the middle.");
        changed.RemoveAt(2 * changed.Count / 3);
        var (oldText, newText) = (Text(paragraphs), Text(changed));

        var (runs, took) = Timed(oldText, newText);

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took.TotalMilliseconds:N0} ms");
        AssertRebuildsBoth(runs, oldText, newText);
        // Word by word: every replacement is an inserted run of its own, and little beyond the changes is marked.
        foreach (var (_, replacement) in replaced)
            Assert.Contains(runs, r => r.Kind == "inserted" && r.Text.Trim() == replacement);
        Assert.Contains(runs, r => r.Kind == "inserted" && r.Text.Contains("A paragraph added in the middle."));
        var marked = runs.Where(r => r.Kind != "equal").Sum(r => r.Text.Length);
        Assert.True(marked < 3_000, $"{marked} characters marked as changed for 25 words and two paragraphs");
    }

    [Fact]
    public void Two_200_KB_versions_that_share_nothing_are_compared_well_within_two_seconds()
    {
        var (oldText, newText) = (Text(Prose.Paragraphs(seed: 1)), Text(Prose.Paragraphs(seed: 3)));

        var (runs, took) = Timed(oldText, newText);

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took.TotalMilliseconds:N0} ms");
        AssertRebuildsBoth(runs, oldText, newText);
    }

    [Fact]
    public void A_200_KB_version_and_the_same_in_one_line_with_its_paragraphs_reversed_are_compared_well_within_two_seconds()
    {
        var paragraphs = Prose.Paragraphs(seed: 4);
        var (oldText, newText) = (Text(paragraphs), string.Join(" ", Enumerable.Reverse(paragraphs)));

        var (runs, took) = Timed(oldText, newText);

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took.TotalMilliseconds:N0} ms");
        AssertRebuildsBoth(runs, oldText, newText);
    }

    [Fact]
    public void The_runs_rebuild_both_texts_whatever_the_edits()
    {
        var random = new Random(5);
        string[] pieces = ["la", "paz", "pan", " ", " ", "\n", "\n\n", "tierra", "y", ".", "a  b"];
        string Text(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => pieces[random.Next(pieces.Length)]));
        for (var i = 0; i < 2_000; i++)
        {
            var oldText = Text(random.Next(0, 60));
            var newText = random.Next(3) == 0 ? Text(random.Next(0, 60)) : Edit(oldText);
            AssertRebuildsBoth(TextDiff.Runs(oldText, newText), oldText, newText);
        }

        string Edit(string text)
        {
            var edited = new StringBuilder(text);
            for (var e = random.Next(1, 5); e > 0; e--)
            {
                var at = random.Next(edited.Length + 1);
                if (random.Next(2) == 0 && at < edited.Length) edited.Remove(at, Math.Min(random.Next(1, 8), edited.Length - at));
                else edited.Insert(at, pieces[random.Next(pieces.Length)]);
            }
            return edited.ToString();
        }
    }

    [Fact]
    public void A_small_change_is_shown_word_by_word_with_the_spaces_kept()
    {
        var runs = TextDiff.Runs("Solidarity\n\nWe salute the mobilisations of the people.\n\nWe call for peace.",
            "Solidarity\n\nWe salute the heroic mobilisations of the people.\n\nWe call for peace.");

        Assert.Equal(
            [new("equal", "Solidarity\n\nWe salute the "), new("inserted", "heroic "),
                new("equal", "mobilisations of the people.\n\nWe call for peace.")],
            runs);
    }
}
