using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Infrastructure.Messaging;

/// <summary>Wakes the outbox dispatcher after a save, so that events leave at once rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // Signalled already, as it mostly is while saves come quickly: no release, and no exception to throw and catch for each save.
        if (_pending.CurrentCount > 0) return;
        try { _pending.Release(); }
        catch (SemaphoreFullException) { /* signalled between the check and the release */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);
}

internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }
}
