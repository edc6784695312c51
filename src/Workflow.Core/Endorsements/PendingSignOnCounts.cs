using System.Collections.Concurrent;

namespace Workflow.Core.Endorsements;

/// <summary>
/// Whether a statement holds as many sign-ons awaiting confirmation or moderation as it may
/// (<see cref="OpenSignOnOptions.MaxPendingPerStatement"/>), without counting them for every submission: in a surge that
/// count ran over tens of thousands of rows each time and set the pace of the whole form. Each statement's count is taken
/// again about once a second, by one request while the others go on with the last count, and is raised by each entry this
/// process adds; entries only leave the queue otherwise, so below the limit it is never under the truth for this process's
/// entries. Under the limit by that count, a submission goes through; at it, the entries are counted again before anyone is
/// refused, so that an entry the drafters have just rejected makes room at once. Entries other instances added since the last count are not
/// seen: the limit guards against floods, it is not an exact quota.
/// </summary>
public sealed class PendingSignOnCounts(TimeProvider clock)
{
    private static readonly TimeSpan CountedFor = TimeSpan.FromSeconds(1);

    private sealed class Counted(int counted, DateTimeOffset at)
    {
        public int Count = counted;
        public int Recounting;
        public DateTimeOffset At { get; } = at;
    }

    private readonly ConcurrentDictionary<Guid, Counted> _counts = new();

    /// <param name="countUpTo">Counts the statement's pending entries, up to the number given (no further is needed).</param>
    public async Task<bool> IsFullAsync(Guid statementId, int limit, Func<int, Task<int>> countUpTo)
    {
        var now = clock.GetUtcNow();
        if (_counts.TryGetValue(statementId, out var counted) && Volatile.Read(ref counted.Count) < limit)
        {
            // Stale: one request counts again, the others go on meanwhile.
            if (now - counted.At >= CountedFor && Interlocked.Exchange(ref counted.Recounting, 1) == 0)
            {
                try { await CountAsync(statementId, limit, countUpTo, now); }
                catch { Volatile.Write(ref counted.Recounting, 0); throw; }
            }
            return false;
        }
        return await CountAsync(statementId, limit, countUpTo, now) >= limit;
    }

    public void Added(Guid statementId)
    {
        if (_counts.TryGetValue(statementId, out var counted)) Interlocked.Increment(ref counted.Count);
    }

    private async Task<int> CountAsync(Guid statementId, int limit, Func<int, Task<int>> countUpTo, DateTimeOffset now)
    {
        var count = await countUpTo(limit);
        _counts[statementId] = new Counted(count, now);
        return count;
    }
}
