using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workflow.Benchmarks;

/// <summary>The figures of one run, written as Markdown: each beside its baseline and the ratio between them.</summary>
public sealed class Report
{
    /// <summary>Per level: the service, pgbench's single-row insert, and pgbench running the statements a signing runs.</summary>
    public List<(int Clients, LoadResult Service, LoadResult PgBench, LoadResult SameStatements)> Signing { get; } = [];
    /// <summary>Per run: the rows and their outcomes, the request's time and the database's writing the same rows (and how many).</summary>
    public List<(string Run, int Rows, int Created, int Matched, int Rejected,
        TimeSpan Service, TimeSpan Database, long RowsWritten)> Bulk { get; } = [];
    /// <summary>Per case: the texts' lengths, the diff's runs, and the medians of the service's diff, its answering the version alone, and
    /// git's word diff.</summary>
    public List<(string Case, int OldChars, int NewChars, int Runs, double DiffMs, double VersionMs, double GitMs)> Diff { get; } = [];
    public List<(string Name, int Bytes, LoadResult Service, LoadResult Nginx)> Reading { get; } = [];
    public List<(string Name, double Milliseconds, long Bytes, long PeakMemory)> Formats { get; } = [];
    public List<(StartUp First, StartUp Restart, TimeSpan Runtime)> Startup { get; } = [];
    public int ListSize { get; set; }
    /// <summary>The service's resident memory just before the formats were made.</summary>
    public long ResidentBeforePublishing { get; set; }
    /// <summary>The list was restored from a dump into a fresh service process rather than signed in this run.</summary>
    public bool ListFromDump { get; set; }

    /// <summary>The issue's targets: every format under this peak; reading at least this share of nginx's rate.</summary>
    public const long PublishingPeakTarget = 200L * 1024 * 1024;
    public const double ReadingTarget = 0.9;
    /// <summary>The surge against the service, the same against nginx, the warm-up's submissions, and the limits raised for it.</summary>
    public (SurgeResult Service, OpenLoopResult Nginx, int WarmUp, IReadOnlyDictionary<string, string> Raised,
        EmailLatencies Emails)? Surge { get; set; }

    public string ToMarkdown(bool quick, int[] levels, int perLevel)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(quick ? "A quick smoke run (`--quick`): too short to read anything into." :
            "Produced by `tests/Workflow.Benchmarks/run` on the machine below. The machines we build on are shared and noisy: read the " +
            "ratios, " +
            "each measured against its baseline in the same run, rather than the absolute figures.");
        md.AppendLine();
        md.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Shell("git", "rev-parse --short HEAD")}");
        md.AppendLine($"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():F0} GiB; {Shell("uname", "-sr")}");
        md.AppendLine($"- .NET {Environment.Version}; {Shell("psql", "--version")}; {Shell("nginx", "-v")}");
        md.AppendLine("- The service: the Release build, one process (web and consumers), PostgreSQL on loopback without TLS (pgbench " +
                      "connects the same way), the in-memory bus; " +
                      "load from a closed-loop .NET client on the same machine (each client sends its next request when the last is " +
                      "answered), " +
                      "except in the surge, whose client is open-loop.");
        md.AppendLine();

        if (Signing.Count > 0) AppendSigning(md, perLevel);
        if (ListSize > 0) AppendMain(md);
        if (Bulk.Count > 0) AppendBulk(md);
        if (Diff.Count > 0) AppendDiff(md);
        if (Startup.Count > 0) AppendStartup(md);
        if (Surge is { } surge) AppendSurge(md, surge.Service, surge.Nginx, surge.WarmUp, surge.Raised, surge.Emails);
        md.AppendLine("## Profiles").AppendLine();
        md.AppendLine("What the profiler (dotnet-trace, dotnet-counters) and PostgreSQL's own statistics showed, and what was changed: " +
            "[PROFILING.md](PROFILING.md).");
        return md.ToString();
    }

    private void AppendSigning(StringBuilder md, int perLevel)
    {
        md.AppendLine("## Signing").AppendLine();
        md.AppendLine($"{perLevel} invitations signed at each level, all on one statement (the hardest case: every signature takes the " +
                      "next number " +
                      "of the same list). Two baselines, each pgbench on the same database with the same number of clients for 10 s: " +
                      "inserting one row of the same shape " +
                      "(uuid keys, number unique per statement, text hash, time) per transaction; and running, one transaction per " +
                      "signing, the very statements " +
                      "a signing runs (`PgBench.SigningStatementsAsync`: the token lookup, the statement's row lock, the reads of the " +
                      "statement, invitation, organisation, standing signatures, " +
                      "version and chain head, the inserts of the signature, its link of the chain and its two events, the updates of " +
                      "the invitation and the statement; " +
                      "the rows written go to copies of the tables with the same keys and indexes). The second says what the service " +
                      "adds to the database's own work.").AppendLine();
        md.AppendLine("| Clients | Signatures/s | p50 ms | p99 ms | Errors | pgbench inserts/s | pgbench p99 ms | Ratio (ours / pgbench) " +
            "| Same statements/s | Same statements p99 ms | Ratio (ours / same statements) |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (clients, ours, baseline, same) in Signing)
            md.AppendLine($"| {clients} | {ours.PerSecond:F0} | {ours.Percentile(50):F1} | {ours.Percentile(99):F1} | {ours.Errors} | " +
                          $"{baseline.PerSecond:F0} | {baseline.Percentile(99):F1} | {ours.PerSecond / baseline.PerSecond:P1} " +
                          $"| {same.PerSecond:F0} | {same.Percentile(99):F1} | {ours.PerSecond / same.PerSecond:P1} |");
        md.AppendLine();
        if (Signing.FirstOrDefault(s => s.Clients == 64) is { Service: not null } at64)
            md.AppendLine($"Targets: p99 under 100 ms at 64 clients — {(at64.Service.Percentile(99) < 100 ? "met" : "**not met**")} " +
                          $"({at64.Service.Percentile(99):F0} ms; the same statements in pgbench: " +
                          $"{at64.SameStatements.Percentile(99):F0} ms); " +
                          $"the rate against pgbench's inserts, as before: {at64.Service.PerSecond / at64.PgBench.PerSecond:P1} at 64 " +
                          "clients.").AppendLine();
    }

    private void AppendBulk(StringBuilder md)
    {
        md.AppendLine("## Bulk invitation").AppendLine();
        md.AppendLine("One CSV file through the API (`POST /api/statements/{id}/invitations/bulk`, `name,acronym,country,email`), timed " +
                      "from sending it to the " +
                      "report of every row; first organisations new to the directory (each row registers one), then the same file on " +
                      "another statement, " +
                      "every organisation being known by then. Baseline: the database itself writing the same rows in one transaction — " +
                      "the invitations, the " +
                      "new organisations and the outbox's events that request wrote, copied by `INSERT … SELECT` into tables of the same " +
                      "shape (keys and indexes).").AppendLine();
        md.AppendLine("| Run | Rows | Created | Matched | Rejected | Ours s | Rows the database wrote | Database s | Ratio (ours / " +
            "database) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var b in Bulk)
            md.AppendLine($"| {b.Run} | {b.Rows:N0} | {b.Created:N0} | {b.Matched:N0} | {b.Rejected:N0} | {b.Service.TotalSeconds:F2} | " +
                $"{b.RowsWritten:N0} | {b.Database.TotalSeconds:F2} | {b.Service / b.Database:F1}× |");
        md.AppendLine();
        md.AppendLine("Target: 10,000 rows under 10 s — " +
            $"{(Bulk.All(b => b.Rows >= 10_000 && b.Service < TimeSpan.FromSeconds(10)) ? "met" : "**not met**")}.").AppendLine();
    }

    private void AppendDiff(StringBuilder md)
    {
        md.AppendLine("## The word diff of two versions").AppendLine();
        md.AppendLine("Two versions of about 200 KB each, compared through the API (`GET /api/statements/{id}/diff?from=1&to=2`: the " +
                      "words and spaces " +
                      "that changed, as runs and as HTML), the median of five after one to warm up; every answer's runs are checked to " +
                      "rebuild both texts. " +
                      "Baselines on the same texts: the service answering the newer version alone (`GET …/versions/2`: the same text to " +
                      "send, nothing compared), " +
                      "and git's word diff of the two as files (`git diff --no-index --word-diff=porcelain`, a process started each time).")
                      .AppendLine();
        md.AppendLine("| Case | Old chars | New chars | Runs | Diff ms | Version alone ms | Ratio | git word diff ms | Ratio |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var d in Diff)
            md.AppendLine($"| {d.Case} | {d.OldChars:N0} | {d.NewChars:N0} | {d.Runs:N0} | {d.DiffMs:F0} | {d.VersionMs:F0} | " +
                $"{d.DiffMs / d.VersionMs:F1}× | {d.GitMs:F0} | {d.DiffMs / d.GitMs:F1}× |");
        md.AppendLine();
        md.AppendLine($"Target: under 0.5 s — {(Diff.All(d => d.DiffMs < 500) ? "met" : "**not met**")} (the slowest case: " +
            $"{Diff.Max(d => d.DiffMs):F0} ms).").AppendLine();
    }

    private void AppendMain(StringBuilder md)
    {
        md.AppendLine("## Reading the published list").AppendLine();
        md.AppendLine($"A statement with {ListSize:N0} signatories, read by 64 clients. Baseline: nginx serving the very same bytes as a " +
            "static file.").AppendLine();
        md.AppendLine("| What | Bytes | Ours req/s | p99 ms | nginx req/s | nginx p99 ms | Ratio |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, bytes, ours, nginx) in Reading)
            md.AppendLine($"| {name} | {bytes:N0} | {ours.PerSecond:F0} | {ours.Percentile(99):F1} | {nginx.PerSecond:F0} | " +
                $"{nginx.Percentile(99):F1} | {ours.PerSecond / nginx.PerSecond:P1} |");
        md.AppendLine();

        if (Reading.Count > 0)
            md.AppendLine($"Target: at least {ReadingTarget:P0} of nginx's rate — " +
                          string.Join("; ", Reading.Select(r => $"{r.Name} " +
                              $"{(r.Service.PerSecond >= ReadingTarget * r.Nginx.PerSecond ? "met" : "**not met**")}")) + ".").AppendLine();

        md.AppendLine("## Publishing every format").AppendLine();
        md.AppendLine($"Each format of the {ListSize:N0}-signatory list made afresh (not from the cache), three times: the median time, " +
                      "and the " +
                      "service's peak resident memory (VmHWM) while it did so — the peak is set back to what was resident before each " +
                      "format " +
                      "(`clear_refs`), so each figure is the whole process's peak during that format, not what an earlier one left. " +
                      $"Resident before the first format: {ResidentBeforePublishing / 1048576.0:F0} MiB" +
                      (ListFromDump
                          ? " (a fresh service process on a database restored from a dump of an earlier run's published list, " +
                          "`WORKFLOW_BENCH_LIST_DUMP`)."
                          : ", after filling the list in the same process.")).AppendLine();
        md.AppendLine("| Format | ms | Bytes | Peak memory (MiB) |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, ms, bytes, peak) in Formats)
            md.AppendLine($"| {name} | {ms:F0} | {bytes:N0} | {peak / 1048576.0:F0} |");
        md.AppendLine();
        if (Formats.Count > 0)
            md.AppendLine($"Target: every format under {PublishingPeakTarget / 1048576} MiB — " +
                          $"{(Formats.All(f => f.PeakMemory < PublishingPeakTarget) ? "met" : "**not met**")} (highest " +
                          $"{Formats.Max(f => f.PeakMemory) / 1048576.0:F0} MiB).").AppendLine();
    }

    private void AppendStartup(StringBuilder md)
    {
        md.AppendLine("## Start-up").AppendLine();
        md.AppendLine("The embedded default (SQLite, the in-memory bus, the Release build started as `dotnet run --project " +
                      "src/Workflow.Api` starts it: " +
                      "in the project's folder, with its appsettings.json), first from an empty data directory (migrations, the five " +
                      "seed statements " +
                      "imported, the first data-protection key made), then again on the data it left (a restart: nothing to migrate or " +
                      "import). " +
                      "Live: until `/health/live` answers (polled every 10 ms). Page: then until the home page answers, checked to list " +
                      "every seed " +
                      "statement. CPU: the user and system time the process had used when the page answered. " +
                      "Baseline: the same program run as a one-line command (`probe` of a closed port), i.e. the runtime's own start and " +
                      "exit.").AppendLine();
        md.AppendLine("| Run | First start: live ms | page ms | CPU ms | Restart: live ms | page ms | CPU ms | Runtime alone ms |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (run, (first, restart, runtime)) in Startup.Index())
            md.AppendLine($"| {run + 1} | {first.Live.TotalMilliseconds:F0} | {first.Page.TotalMilliseconds:F0} | " +
                          $"{first.Cpu.TotalMilliseconds:F0} | " +
                          $"{restart.Live.TotalMilliseconds:F0} | {restart.Page.TotalMilliseconds:F0} | " +
                          $"{restart.Cpu.TotalMilliseconds:F0} | {runtime.TotalMilliseconds:F0} |");
        md.AppendLine();

        var runtimeMedian = Median(Startup.Select(s => s.Runtime.TotalMilliseconds));
        var firstLive = Median(Startup.Select(s => s.First.Live.TotalMilliseconds));
        var firstPage = Median(Startup.Select(s => s.First.Page.TotalMilliseconds));
        var restartLive = Median(Startup.Select(s => s.Restart.Live.TotalMilliseconds));
        var restartPage = Median(Startup.Select(s => s.Restart.Page.TotalMilliseconds));
        md.AppendLine("| Median | ms | Ratio to the runtime alone |");
        md.AppendLine("| --- | ---: | ---: |");
        foreach (var (name, ms) in new[] { ("First start, live", firstLive), ("First start, page", firstPage),
            ("Restart, live", restartLive), ("Restart, page", restartPage), ("Runtime alone", runtimeMedian) })
            md.AppendLine($"| {name} | {ms:F0} | {ms / runtimeMedian:F1}× |");
        md.AppendLine();
        // The issue set the targets on a quiet machine whose runtime alone took 0.14 s: 2 s and 1 s are 14 and 7 times that.
        string Met(double ms, double target) => ms < target ? "met" : "**not met**";
        md.AppendLine($"Targets (medians, both live and page): first start under 2 s — {Met(Math.Max(firstLive, firstPage), 2000)}; " +
                      $"restart under 1 s — {Met(Math.Max(restartLive, restartPage), 1000)}. The same targets as ratios to the runtime " +
                      "alone (the issue's " +
                      $"2 s and 1 s against its 0.14 s, i.e. 14× and 7×), which a shared machine's load disturbs less: first start — " +
                      $"{Met(Math.Max(firstLive, firstPage) / runtimeMedian, 14)}; restart — " +
                      $"{Met(Math.Max(restartLive, restartPage) / runtimeMedian, 7)}.").AppendLine();

        md.AppendLine("Where the time went: the steps the service logged itself (category `Workflow.Startup`, each from the end of the " +
                      "one before; " +
                      "the first from the process's start), medians over the runs. The first page's own time is the page column minus " +
                      "the live column.").AppendLine();
        md.AppendLine("| Step | First start ms | Restart ms |");
        md.AppendLine("| --- | ---: | ---: |");
        var steps = Startup.SelectMany(s => s.First.Steps.Concat(s.Restart.Steps)).Select(s => s.Step).Distinct().ToList();
        double? MedianOf(IEnumerable<StartUp> starts, string step) =>
            starts.SelectMany(s => s.Steps).Where(s => s.Step == step).Select(s => s.Milliseconds).ToList() is { Count: > 0 } found
                ? Median(found) : null;
        foreach (var step in steps)
            md.AppendLine($"| {step} | " +
                          $"{MedianOf(Startup.Select(s => s.First), step)?.ToString("F0", CultureInfo.InvariantCulture) ?? "–"} | " +
                          $"{MedianOf(Startup.Select(s => s.Restart), step)?.ToString("F0", CultureInfo.InvariantCulture) ?? "–"} |");
        md.AppendLine();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void AppendSurge(StringBuilder md, SurgeResult surge, OpenLoopResult nginx, int warmUp,
        IReadOnlyDictionary<string, string> raised, EmailLatencies emails)
    {
        var ours = surge.Load;
        md.AppendLine("## Open sign-on surge").AppendLine();
        md.AppendLine($"{ours.OfferedPerSecond:F0} submissions a second for {surge.Duration.TotalSeconds:F0} s ({ours.Offered:N0} in " +
                      "all) to the public form " +
                      "(`POST /api/public/statements/{slug}/sign-on`), all on one statement, each from its own e-mail address at its own " +
                      "domain. " +
                      "The client is open-loop: submission n is started n / rate seconds after the start whether or not the earlier ones " +
                      "were answered, " +
                      "as a crowd sends them, and its latency runs from that scheduled moment, so a stalled service is charged for the " +
                      "submissions it held up. " +
                      "A submission not answered within 30 s counts as an error (a timeout), as does any answer but 202; latencies " +
                      "include the errors'. " +
                      "The client keeps at most 1,000 connections open to a server, as a reverse proxy in front might; a submission " +
                      "finding them all busy " +
                      "waits in the client for one, and that wait is part of its latency. " +
                      $"The surge has a service process and database of its own, started fresh; {warmUp} submissions warm it up first " +
                      "and every consumer has handled them " +
                      "before it begins. The crowd's connections come from 200 loopback addresses in turn (127.0.1.1 on), as a crowd " +
                      "comes from many networks " +
                      "(from one address, every submission would update that address's one counter row of the per-address limit, one " +
                      "after another); " +
                      "each address still sends some hundreds of submissions, so the limits meant for one client address and for one " +
                      "statement's entries awaiting " +
                      $"confirmation are raised for it ({string.Join(", ", raised.Select(r => $"`{r.Key}={r.Value}`"))}); the per-domain " +
                      "limit stays at its default, " +
                      "which distinct domains never reach. " +
                      "Baseline: the same generator at the same rate for the same time, posting the same bodies to nginx, which answers " +
                      "each with 202 and a copy of " +
                      "the service's receipt: what this machine and this client manage at that rate when the server does no work. A " +
                      "generator falling behind its own " +
                      "schedule (worst lateness below) would mean the machine, not the service, set the pace.").AppendLine();
        md.AppendLine("A service that cannot keep up refuses what it cannot take at once (503 with Retry-After, from the concurrency " +
                      "limit in front of the " +
                      "sign-on, `Overload:*`) rather than letting it wait until the client gives up: the answers are counted as accepted " +
                      "(202), refused at once " +
                      "(503 or 429, nothing saved, the client told when to come back), timed out (no answer within 30 s) and other " +
                      "failures.").AppendLine();
        md.AppendLine("| Server | Offered/s | Accepted (202) | 202/s | Refused at once | Timed out | Other errors | p50 ms | p99 ms | " +
            "Max ms | p99 of the accepted ms | p99 of the refusals ms | Generator's worst lateness ms |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, run) in new[] { ("Workflow", ours), ("nginx", nginx) })
        {
            var refusedP99 = run.RefusedLatenciesMs.Length == 0 ? "–"
                : LoadResult.Percentile(run.RefusedLatenciesMs, 99).ToString("F1", CultureInfo.InvariantCulture);
            md.AppendLine($"| {name} | {run.OfferedPerSecond:F0} | {run.Accepted:N0} | {run.Load.PerSecond:F0} | {run.Refused:N0} | " +
                          $"{run.TimedOut:N0} | {run.OtherErrors:N0} | " +
                          $"{run.Load.Percentile(50):F1} | {run.Load.Percentile(99):F1} | {run.Load.Percentile(100):F0} | " +
                          $"{LoadResult.Percentile(run.AcceptedLatenciesMs, 99):F1} | {refusedP99} | " +
                          $"{run.MaxStartDelay.TotalMilliseconds:F0} |");
        }
        md.AppendLine();
        md.AppendLine("202/s counts the successes over the time from the first scheduled submission to the last answer. Ratio of 202/s, " +
                      "Workflow / nginx: " +
                      $"{ours.Load.PerSecond / nginx.Load.PerSecond:P1}; p99, Workflow / nginx: " +
                      $"{ours.Load.Percentile(99) / nginx.Load.Percentile(99):F1}×. " +
                      $"Errors — Workflow: {ours.ErrorSummary}; nginx: {nginx.ErrorSummary}.").AppendLine();
        md.AppendLine($"Targets: no timeouts — {(ours.TimedOut == 0 ? "met" : "**not met**")}; no errors but refusals — " +
                      $"{(ours.TimedOut + ours.OtherErrors == 0 ? "met" : "**not met**")}; " +
                      "the offered rate sustained (202/s at least 99 % of it) — " +
                      $"{(ours.Load.PerSecond >= 0.99 * ours.OfferedPerSecond ? "met" : "**not met**")}.").AppendLine();

        md.AppendLine("### Confirmation e-mails").AppendLine();
        md.AppendLine("Over every accepted submission, until its confirmation e-mail was written (the .eml file's time in the pickup " +
                      "folder): from the " +
                      "submission's scheduled moment (what the person waits, the request's own latency included), and from the moment " +
                      "the service saved " +
                      "the entry (the outbox, the dispatcher and the e-mail consumer alone). One never e-mailed within the limit counts " +
                      "as later than all the others.").AppendLine();
        string Seconds(double? s) => s is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) : "not e-mailed";
        md.AppendLine("| From | Accepted | E-mailed | p50 s | p95 s | p99 s | Max s | Within 5 s |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (from, sinceSaved) in new[] { ("the scheduled submission", false), ("the entry saved", true) })
            md.AppendLine($"| {from} | {emails.Accepted:N0} | {emails.Emailed:N0} | {Seconds(emails.Percentile(50, sinceSaved))} | " +
                          $"{Seconds(emails.Percentile(95, sinceSaved))} | " +
                          $"{Seconds(emails.Percentile(99, sinceSaved))} | {Seconds(emails.Percentile(100, sinceSaved))} | " +
                          $"{emails.ShareWithin(5, sinceSaved):P1} |");
        md.AppendLine();
        var auditBehind = surge.Samples.Max(s => s.Saved - s.Audited);
        md.AppendLine($"Targets: 99 % of the confirmation e-mails written within 5 s of the submission — from its scheduled moment " +
                      $"{(emails.Percentile(99) is <= 5 ? "met" : "**not met**")}, from the entry saved " +
                      $"{(emails.Percentile(99, sinceSaved: true) is <= 5 ? "met" : "**not met**")}; " +
                      $"the audit log never behind the database (the most entries saved and not audited at any sample: {auditBehind:N0}) " +
                      $"— {(auditBehind <= 0 ? "met" : "**not met**")}.").AppendLine();

        md.AppendLine("### The consumers during and after the surge").AppendLine();
        md.AppendLine("Each submission saves its entry, one event, `SignOnSubmitted`, in the outbox and its audit row (in " +
                      "`AuditEntries`), in one transaction. " +
                      "The dispatcher publishes the outbox to the in-memory bus and marks each row sent; the e-mail consumer then sends " +
                      "the confirmation " +
                      "to the address given (an .eml file in the pickup folder). Every second, from the start of the surge until all " +
                      "three " +
                      $"have caught up or for {surge.CatchUpLimit.TotalMinutes:F0} min after its end at most, the benchmark counts " +
                      "entries saved, outbox rows not yet sent, " +
                      "audit rows and e-mail files. Backlog: entries saved and not yet handled by that stage (for the dispatcher, rows " +
                      "not yet sent). " +
                      "Behind: how long ago the oldest acknowledged submission still waiting for that stage was acknowledged, taking " +
                      "each stage to handle them " +
                      "in order (for the dispatcher: the age of the oldest unsent row). Caught up: from the end of the surge until the " +
                      "backlog is zero for good, " +
                      "to within the one-second sampling; 0 when it never fell behind at the end. Handled/s after the surge: from its " +
                      "end until caught up, or until " +
                      "the limit if not, when there was a backlog to work off. " +
                      "Reference: the rate at which the service itself acknowledged submissions during the surge, " +
                      $"{surge.AcknowledgedDuringSurgePerSecond:F0}/s in this run; " +
                      "a stage keeping up handles as many a second and stays within a second or two.").AppendLine();
        md.AppendLine("| Stage | Handled | Handled/s during the surge | Ratio to acknowledged/s | Max backlog | Max behind s | Backlog " +
            "at the end of the surge | Caught up after s | Handled/s after the surge |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in surge.Consumers)
        {
            var caughtUp = c.CaughtUpAfter is { } after ? after.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)
                : $"**not within {surge.CatchUpLimit.TotalMinutes:F0} min**";
            md.AppendLine($"| {c.Name} | {c.Handled:N0} | {c.DuringSurgePerSecond:F0} | " +
                          $"{c.DuringSurgePerSecond / surge.AcknowledgedDuringSurgePerSecond:P0} | {c.MaxBacklog:N0} | " +
                          $"{c.MaxBehindSeconds:F1} | {c.BacklogAtEnd:N0} | {caughtUp} | " +
                          $"{(c.CatchUpPerSecond is { } rate ? rate.ToString("F0", CultureInfo.InvariantCulture) : "–")} |");
        }
        md.AppendLine();

        var step = Math.Max(1, (int)Math.Ceiling(surge.Samples.Count / 30.0));
        md.AppendLine($"The samples{(step > 1 ? $", one in {step}" : "")} (counts since the surge began; acknowledged/s since the row " +
            "before):").AppendLine();
        md.AppendLine("| s | Answered | Acknowledged | Acknowledged/s | Entries saved | Outbox unsent | Oldest unsent s | Audited | " +
            "E-mailed |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var shown = surge.Samples.Where((_, i) => i % step == 0 || i == surge.Samples.Count - 1).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var s = shown[i];
            var (previousAt, previousAcknowledged) = i == 0 ? (TimeSpan.Zero, 0) : (shown[i - 1].At, shown[i - 1].Acknowledged);
            md.AppendLine($"| {s.At.TotalSeconds:F0} | {s.Answered:N0} | {s.Acknowledged:N0} | " +
                          $"{(s.Acknowledged - previousAcknowledged) / (s.At - previousAt).TotalSeconds:F0} | " +
                          $"{s.Saved:N0} | {s.OutboxWaiting:N0} | {s.OutboxOldestSeconds:F1} | {s.Audited:N0} | {s.Emailed:N0} |");
        }
        md.AppendLine();
    }

    private static string Shell(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true,
                RedirectStandardError = true }) !;
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
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1]
            .Trim() ?? "?"
        : "?";

    private static double MemoryGiB() => File.Exists("/proc/meminfo")
        ? double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) / 1048576
        : 0;
}
