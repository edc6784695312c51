using System.Collections.Concurrent;

namespace Workflow.Core.Limits;

/// <summary>PLACEHOLDER until the database-backed counters land: fixed windows in this process's memory.</summary>
public sealed class InMemorySharedLimits(TimeProvider clock) : ISharedLimits
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset WindowStart, int Hits)> _counters = new();

    public Task<LimitDecision> HitAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var entry = _counters.AddOrUpdate(Key(rule, partition), _ => (now, 1),
            (_, e) => now - e.WindowStart >= rule.Window ? (now, 1) : (e.WindowStart, e.Hits + 1));
        return Task.FromResult(entry.Hits <= rule.Permits ? LimitDecision.Allow : new LimitDecision(false, entry.WindowStart + rule.Window - now));
    }

    public Task<LimitDecision> CheckAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!_counters.TryGetValue(Key(rule, partition), out var e) || now - e.WindowStart >= rule.Window || e.Hits < rule.Permits)
            return Task.FromResult(LimitDecision.Allow);
        return Task.FromResult(new LimitDecision(false, e.WindowStart + rule.Window - now));
    }

    public Task ResetAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        _counters.TryRemove(Key(rule, partition), out _);
        return Task.CompletedTask;
    }

    private static string Key(LimitRule rule, string partition) => rule.Name + "\n" + partition;
}
