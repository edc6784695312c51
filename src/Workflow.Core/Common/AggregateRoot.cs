using Workflow.Contracts;

namespace Workflow.Core.Common;

/// <summary>
/// An entity whose changes raise events. The DbContext moves raised events into the
/// outbox in the same transaction that saves the change, so no event is lost or invented.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IWorkflowEvent> _events = [];

    /// <summary>Incremented on every save that changes the row; a concurrency token on every provider.</summary>
    public int ConcurrencyStamp { get; internal set; }

    internal IReadOnlyList<IWorkflowEvent> PendingEvents => _events;

    protected void Raise(IWorkflowEvent e) => _events.Add(e);

    internal IReadOnlyList<IWorkflowEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }
}
