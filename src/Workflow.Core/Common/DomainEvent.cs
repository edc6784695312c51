namespace Workflow.Core.Common;

/// <summary>
/// A fact an aggregate records about itself, in the domain's own types. It never leaves the service as it is: on saving,
/// <see cref="Data.IntegrationEvents"/> turns it into the public contract (Workflow.Contracts) that goes to the outbox and the
/// audit log, adding what only the edge knows — the statement's title, and a link protected for the e-mail consumer. So the
/// domain neither shapes the public messages nor handles a link's secret.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
