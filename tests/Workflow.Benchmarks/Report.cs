using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workflow.Benchmarks;

/// <summary>The figures of one run, written as Markdown: each beside its baseline and the ratio between them.</summary>
public sealed class Report
{
    public List<(int Clients, LoadResult Service, LoadResult PgBench)> Signing { get; } = [];
    public List<(string Name, int Bytes, LoadResult Service, LoadResult Nginx)> Reading { get; } = [];
    public List<(string Name, double Milliseconds, long Bytes, long PeakMemory)> Formats { get; } = [];
    public List<(TimeSpan Service, TimeSpan Runtime)> Startup { get; } = [];
    public int ListSize { get; set; }

    public string ToMarkdown(bool quick, int[] levels, int perLevel)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(quick ? "A quick smoke run (`--quick`): too short to read anything into." :
            "Produced by `tests/Workflow.Benchmarks/run` on the machine below. The machines we build on are shared and noisy: read the ratios, " +
            "each measured against its baseline in the same run, rather than the absolute figures.");
        md.AppendLine();
        md.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Shell("git", "rev-parse --short HEAD")}");
        md.AppendLine($"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():F0} GiB; {Shell("uname", "-sr")}");
        md.AppendLine($"- .NET {Environment.Version}; {Shell("psql", "--version")}; {Shell("nginx", "-v")}");
        md.AppendLine("- The service: the Release build, one process (web and consumers), PostgreSQL on loopback, the in-memory bus; " +
                      "load from a closed-loop .NET client on the same machine (each client sends its next request when the last is answered).");
        md.AppendLine();

        md.AppendLine("## Signing").AppendLine();
        md.AppendLine($"{perLevel} invitations signed at each level, all on one statement (the hardest case: every signature takes the next number " +
                      "of the same list). Baseline: pgbench on the same database, the same number of clients, inserting one row of the same shape " +
                      "(uuid keys, number unique per statement, text hash, time) per transaction.").AppendLine();
        md.AppendLine("| Clients | Signatures/s | p50 ms | p99 ms | Errors | pgbench inserts/s | pgbench p99 ms | Ratio (ours / pgbench) |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (clients, ours, baseline) in Signing)
            md.AppendLine($"| {clients} | {ours.PerSecond:F0} | {ours.Percentile(50):F1} | {ours.Percentile(99):F1} | {ours.Errors} | {baseline.PerSecond:F0} | {baseline.Percentile(99):F1} | {ours.PerSecond / baseline.PerSecond:P1} |");
        md.AppendLine();
        if (Signing.FirstOrDefault(s => s.Clients == 64) is { Service: not null } at64)
            md.AppendLine($"Targets: at least half of pgbench's rate — {(at64.Service.PerSecond >= at64.PgBench.PerSecond / 2 ? "met" : "**not met**")} at 64 clients; " +
                          $"p99 under 50 ms at 64 clients — {(at64.Service.Percentile(99) < 50 ? "met" : "**not met**")}.").AppendLine();

        md.AppendLine("## Reading the published list").AppendLine();
        md.AppendLine($"A statement with {ListSize:N0} signatories, read by 64 clients. Baseline: nginx serving the very same bytes as a static file.").AppendLine();
        md.AppendLine("| What | Bytes | Ours req/s | p99 ms | nginx req/s | nginx p99 ms | Ratio |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, bytes, ours, nginx) in Reading)
            md.AppendLine($"| {name} | {bytes:N0} | {ours.PerSecond:F0} | {ours.Percentile(99):F1} | {nginx.PerSecond:F0} | {nginx.Percentile(99):F1} | {ours.PerSecond / nginx.PerSecond:P1} |");
        md.AppendLine();

        md.AppendLine("## Publishing every format").AppendLine();
        md.AppendLine($"Each format of the {ListSize:N0}-signatory list generated afresh (not from the cache): median of three, and the service's peak resident memory so far.").AppendLine();
        md.AppendLine("| Format | ms | Bytes | Peak memory (MiB) |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, ms, bytes, peak) in Formats)
            md.AppendLine($"| {name} | {ms:F0} | {bytes:N0} | {peak / 1048576.0:F0} |");
        md.AppendLine();

        md.AppendLine("## Start-up").AppendLine();
        md.AppendLine("The embedded default from an empty data directory (SQLite migrations, the five seed statements imported) until `/health/live` answers. " +
                      "Baseline: the same program run as a one-line command (`probe` of a closed port), i.e. the runtime's own start and exit.").AppendLine();
        md.AppendLine("| Run | Start-up ms | Runtime alone ms | Ratio |");
        md.AppendLine("| ---: | ---: | ---: | ---: |");
        for (var i = 0; i < Startup.Count; i++)
            md.AppendLine($"| {i + 1} | {Startup[i].Service.TotalMilliseconds:F0} | {Startup[i].Runtime.TotalMilliseconds:F0} | {Startup[i].Service / Startup[i].Runtime:F1}× |");
        md.AppendLine();
        md.AppendLine("## Not measured yet").AppendLine();
        md.AppendLine("The open sign-on surge (500 submissions a second for two minutes, consumers' lag and catch-up) and profiles of the hot spots.");
        return md.ToString();
    }

    private static string Shell(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true }) !;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text.Trim().Replace("\n", " ");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"({program} not found)";
        }
    }

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

    private static double MemoryGiB() => File.Exists("/proc/meminfo")
        ? double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576
        : 0;
}
