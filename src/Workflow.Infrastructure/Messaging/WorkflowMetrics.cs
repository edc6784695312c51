using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// The service's own metrics (meter "Workflow"), beside ASP.NET Core's request metrics and MassTransit's: every event the
/// outbox publishes, by type — so signatures recorded are <c>workflow.events.published{event=SignatureRecorded}</c> — and how
/// long each waited in the outbox between the change that raised it and its publication (the outbox lag).
/// </summary>
public static class WorkflowMetrics
{
    public const string MeterName = "Workflow";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>("workflow.events.published", "{event}",
        "Events published from the outbox, by type.");
    private static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("workflow.outbox.lag", "s",
        "Time between a change and the publication of its event.");

    public static void Published(string eventType, TimeSpan lag)
    {
        var tag = new KeyValuePair<string, object?>("event", eventType);
        EventsPublished.Add(1, tag);
        OutboxLag.Record(Math.Max(0, lag.TotalSeconds), tag);
    }
}
