using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Workflow.Benchmarks;

/// <summary>
/// One look, during or after the surge, at how far the consumers of sign-on submissions are behind. Counts are of the
/// surge's own (what was there before it is subtracted), except <see cref="OutboxWaiting"/>, which is a level.
/// </summary>
/// <param name="At">Since the surge began.</param>
/// <param name="Answered">Submissions answered so far, successfully or not.</param>
/// <param name="Acknowledged">Submissions answered with a success (202) so far.</param>
/// <param name="Saved">Entries in the database: what every consumer has to handle.</param>
/// <param name="OutboxWaiting">SignOnSubmitted events in the outbox not yet published to the bus.</param>
/// <param name="OutboxOldestSeconds">How long the oldest of them has waited.</param>
/// <param name="Audited">SignOnSubmitted rows in the audit log.</param>
/// <param name="Emailed">E-mails (.eml files) in the pickup folder.</param>
public sealed record LagSample(TimeSpan At, int Answered, int Acknowledged, long Saved, long OutboxWaiting, double OutboxOldestSeconds,
    long Audited, long Emailed)
{
    public long Published => Saved - OutboxWaiting;

    public bool CaughtUp => OutboxWaiting == 0 && Audited >= Saved && Emailed >= Saved;

    public LagSample Since(LagSample before) =>
        this with { Saved = Saved - before.Saved, Audited = Audited - before.Audited, Emailed = Emailed - before.Emailed };
}

/// <summary>What the consumers of one statement's sign-ons have done, read from the service's database and its e-mail pickup
/// folder.</summary>
public sealed class ConsumerLag(NpgsqlConnection connection, Guid statementId, string pickupDirectory) : IAsyncDisposable
{
    public static async Task<ConsumerLag> OpenAsync(string connectionString, Guid statementId, string pickupDirectory)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new ConsumerLag(connection, statementId, pickupDirectory);
    }

    public async Task<LagSample> SampleAsync(TimeSpan at, int answered, int acknowledged)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "SignOnEntries" WHERE "StatementId" = @statement),
                   count(*), coalesce(extract(epoch FROM now() - min("OccurredAt"))::float8, 0),
                   (SELECT count(*) FROM "AuditEntries" WHERE "StatementId" = @statement AND "EventType" = 'SignOnSubmitted')
            FROM "OutboxMessages" WHERE "Type" = 'Workflow.Contracts.SignOnSubmitted' AND "SentAt" IS NULL AND "ParkedAt" IS NULL
            """, connection);
        command.Parameters.AddWithValue("statement", statementId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var emailed = Directory.Exists(pickupDirectory)
            ? Directory.EnumerateFiles(pickupDirectory)
                .Count(f => f.EndsWith(".eml", StringComparison.Ordinal)) // not the .tmp being written
            : 0;
        return new LagSample(at, answered, acknowledged, reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3),
            emailed);
    }

    /// <summary>When each entry was saved (its SubmittedAt), by the number in its address (signer@org{n}.example.org).</summary>
    public async Task<Dictionary<int, DateTime>> SavedAtAsync()
    {
        await using var command = new NpgsqlCommand("""SELECT "Email", "SubmittedAt" FROM "SignOnEntries" WHERE "StatementId" = @statement""", connection);
        command.Parameters.AddWithValue("statement", statementId);
        await using var reader = await command.ExecuteReaderAsync();
        var saved = new Dictionary<int, DateTime>();
        while (await reader.ReadAsync())
            if (EmailLatencies.NumberIn(reader.GetString(0)) is { } number)
                saved[number] = reader.GetFieldValue<DateTimeOffset>(1).UtcDateTime;
        return saved;
    }

    /// <summary>Waits until every entry so far has been published, audited and e-mailed.</summary>
    public async Task WaitUntilCaughtUpAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!(await SampleAsync(clock.Elapsed, 0, 0)).CaughtUp)
        {
            if (clock.Elapsed > limit)
                throw new InvalidOperationException($"The consumers had not caught up after {limit.TotalSeconds:F0} s.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The surge: submissions at a fixed rate (an open loop) for a while, with a sample every second from its start until
    /// every consumer has caught up after it, or until <paramref name="catchUpLimit"/> after its end.
    /// </summary>
    public async Task<SurgeResult> SurgeAsync(double perSecond, TimeSpan duration, TimeSpan catchUpLimit,
        Func<int, Task<HttpStatusCode>> submit)
    {
        var before = await SampleAsync(TimeSpan.Zero, 0, 0);
        var acknowledgedAt = new ConcurrentQueue<TimeSpan>();
        var answered = 0;
        var clock = Stopwatch.StartNew();
        var load = Load.OpenLoopAsync(perSecond, duration, submit, (at, ok) =>
        {
            Interlocked.Increment(ref answered);
            if (ok) acknowledgedAt.Enqueue(at);
        });
        var samples = new List<LagSample>();
        for (var next = TimeSpan.FromSeconds(1); ; next += TimeSpan.FromSeconds(1))
        {
            if (next > clock.Elapsed) await Task.Delay(next - clock.Elapsed);
            var sample = (await SampleAsync(clock.Elapsed, Volatile.Read(ref answered), acknowledgedAt.Count)).Since(before);
            samples.Add(sample);
            if ((load.IsCompleted && sample.CaughtUp) || load.IsFaulted || clock.Elapsed > duration + catchUpLimit) break;
        }
        return new SurgeResult(await load, samples, acknowledgedAt.Order().ToArray(), duration, catchUpLimit);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>How one consumer (or the outbox dispatcher before them) fared in the surge.</summary>
/// <param name="DuringSurgePerSecond">Handled per second from the surge's start to its end.</param>
/// <param name="MaxBehindSeconds">The longest any acknowledged submission waited for this stage, as sampled.</param>
/// <param name="CaughtUpAfter">From the end of the surge until nothing waits for this stage any more; null if not within the limit.</param>
/// <param name="CatchUpPerSecond">Handled per second from the end of the surge until caught up (or until the limit, if not), when that took
/// more than a sample.</param>
public sealed record ConsumerFigures(string Name, long Handled, double DuringSurgePerSecond, long MaxBacklog, double MaxBehindSeconds,
    long BacklogAtEnd, TimeSpan? CaughtUpAfter, double? CatchUpPerSecond);

/// <summary>The surge's answers and the consumers' samples; <paramref name="AcknowledgedAt"/> is when each success was answered, in
/// order.</summary>
public sealed record SurgeResult(OpenLoopResult Load, IReadOnlyList<LagSample> Samples, TimeSpan[] AcknowledgedAt, TimeSpan Duration,
    TimeSpan CatchUpLimit)
{
    /// <summary>The first sample at or after the end of the surge (the last one if the surge ran past every sample).</summary>
    public LagSample AtEnd => Samples.FirstOrDefault(s => s.At >= Duration) ?? Samples[^1];

    public double AcknowledgedDuringSurgePerSecond => AtEnd.Acknowledged / AtEnd.At.TotalSeconds;

    public IReadOnlyList<ConsumerFigures> Consumers =>
    [
        Figures("Outbox dispatcher (event published to the bus)", s => s.Published, s => s.OutboxOldestSeconds),
        Figures("Audit log (row in AuditEntries, written with the entry)", s => s.Audited, s => Behind(s, s.Audited)),
        Figures("E-mail consumer (confirmation .eml written)", s => s.Emailed, s => Behind(s, s.Emailed)),
    ];

    /// <summary>
    /// How long ago the oldest acknowledged submission this stage has not handled yet was acknowledged, taking the stage to
    /// handle them in order (the in-memory bus roughly does). Entries saved but not acknowledged (a client timeout) are not timed.
    /// </summary>
    private double Behind(LagSample sample, long handled) =>
        handled < sample.Acknowledged ? (sample.At - AcknowledgedAt[(int)handled]).TotalSeconds : 0;

    private ConsumerFigures Figures(string name, Func<LagSample, long> handled, Func<LagSample, double> behind)
    {
        long Backlog(LagSample s) => s.Saved - handled(s);
        var end = AtEnd;
        var lastBehind = Samples.ToList().FindLastIndex(s => Backlog(s) > 0);
        TimeSpan? caughtUpAfter = lastBehind < 0 || Samples[lastBehind].At < Duration ? TimeSpan.Zero
            : lastBehind == Samples.Count - 1 ? null
            : Samples[lastBehind + 1].At - Duration;
        // A backlog gone by the next sample says nothing about the rate of catching up.
        var caughtUpOrLast = lastBehind >= 0 && lastBehind < Samples.Count - 1 ? Samples[lastBehind + 1] : Samples[^1];
        double? catchUpRate = Backlog(end) > 0 && (caughtUpOrLast.At - end.At).TotalSeconds > 1.5
            ? (handled(caughtUpOrLast) - handled(end)) / (caughtUpOrLast.At - end.At).TotalSeconds
            : null;
        return new ConsumerFigures(name, handled(Samples[^1]), handled(end) / end.At.TotalSeconds, Samples.Max(Backlog),
            Samples.Max(behind),
            Backlog(end), caughtUpAfter, catchUpRate);
    }
}

/// <summary>
/// How long each accepted submission of the surge waited for its confirmation e-mail: from the moment the submission was due
/// (the open loop's schedule) to the moment its .eml file was written (the file's time), read from the pickup folder after the
/// consumers caught up; and, the consumers' part alone, from the moment the service saved the entry (its SubmittedAt) to the
/// same file. A submission accepted but never e-mailed within the limit counts as later than any that was.
/// </summary>
public sealed record EmailLatencies(int Accepted, int Emailed, double[] Seconds, double[] SecondsSinceSaved)
{
    private static readonly System.Text.RegularExpressions.Regex Number = new(@"signer@org(\d+)\.example\.org",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    public static int? NumberIn(string text) => Number.Match(text) is { Success: true } match ? int.Parse(match.Groups[1].Value) : null;

    /// <param name="firstNumber">The number of the surge's first submission (the warm-up's came before).</param>
    /// <param name="savedAt">When the service saved each entry, by its number.</param>
    public static EmailLatencies Measure(string pickupDirectory, OpenLoopResult surge, int firstNumber,
        IReadOnlyDictionary<int, DateTime> savedAt)
    {
        var seconds = new List<double>();
        var sinceSaved = new List<double>();
        foreach (var file in Directory.EnumerateFiles(pickupDirectory, "*.eml"))
        {
            using var reader = new StreamReader(file);
            var headers = new System.Text.StringBuilder();
            string? line;
            while ((line = reader.ReadLine()) is { Length: > 0 }) headers.AppendLine(line); // the headers, where the recipient is
            if (NumberIn(headers.ToString()) is not { } number || number < firstNumber) continue;
            var due = surge.StartedAt + TimeSpan.FromSeconds((number - firstNumber) / surge.OfferedPerSecond);
            var written = File.GetLastWriteTimeUtc(file);
            seconds.Add((written - due).TotalSeconds);
            if (savedAt.TryGetValue(number, out var saved)) sinceSaved.Add((written - saved).TotalSeconds);
        }
        return new EmailLatencies(surge.Accepted, seconds.Count, seconds.Order().ToArray(), sinceSaved.Order().ToArray());
    }

    /// <summary>The p-th percentile over every accepted submission, in seconds; null when it falls among those never e-mailed.</summary>
    public double? Percentile(double p, bool sinceSaved = false)
    {
        var of = Math.Max(Accepted, Emailed);
        if (of == 0) return null;
        var index = Math.Clamp((int)Math.Ceiling(p / 100 * of) - 1, 0, of - 1);
        var seconds = sinceSaved ? SecondsSinceSaved : Seconds;
        return index < seconds.Length ? seconds[index] : null;
    }

    public double ShareWithin(double limit, bool sinceSaved = false) =>
        Math.Max(Accepted, Emailed) == 0 ? 1 : (sinceSaved ? SecondsSinceSaved : Seconds)
            .Count(s => s <= limit) / (double)Math.Max(Accepted, Emailed);
}
