namespace Workflow.Core.Common;

/// <summary>
/// An entity whose changes raise domain events. Saving turns them into the public contracts and moves those into the
/// outbox and the audit log in the same transaction as the change, so no event is lost or invented.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Incremented on every save that changes the row; a concurrency token on every provider.</summary>
    public int ConcurrencyStamp { get; internal set; }

    internal IReadOnlyList<IDomainEvent> PendingEvents => _events;

    protected void Raise(IDomainEvent e) => _events.Add(e);

    internal IReadOnlyList<IDomainEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }
}
