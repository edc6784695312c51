namespace Workflow.Core.Limits;

/// <summary>A limit: at most <see cref="Permits"/> hits per <see cref="Window"/> for one partition (a client address, an
/// account…).</summary>
/// <param name="Name">Names the counter, e.g. "sign-in-failures"; partitions of different rules never meet.</param>
public sealed record LimitRule(string Name, int Permits, TimeSpan Window);

/// <summary>Whether a hit is allowed and, when it is not, how long until it would be.</summary>
public readonly record struct LimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static LimitDecision Allow => new(true, TimeSpan.Zero);
}

/// <summary>
/// Counters that every instance of the service sees (kept in the database), so that two web instances behind a proxy
/// give an abuser no more than one would.
/// </summary>
public interface ISharedLimits
{
    /// <summary>Counts a hit for the partition and says whether it was within the rule's permits.</summary>
    Task<LimitDecision> HitAsync(LimitRule rule, string partition, CancellationToken ct = default);

    /// <summary>Says whether one more hit would be allowed, without counting one.</summary>
    Task<LimitDecision> CheckAsync(LimitRule rule, string partition, CancellationToken ct = default);

    /// <summary>Forgets the partition's hits (a successful sign-in clears its failures, say).</summary>
    Task ResetAsync(LimitRule rule, string partition, CancellationToken ct = default);
}
