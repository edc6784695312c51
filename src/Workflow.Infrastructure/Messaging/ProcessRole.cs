namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// What one process of the service does (`--role`): <c>web</c> answers HTTP and publishes its events; <c>worker</c> consumes
/// events (audit log, e-mails) and sends reminders; <c>all</c>, the default, does both. Split roles need a broker all processes
/// share (RabbitMQ): with the in-memory transport a web process's events would reach no worker.
/// </summary>
public sealed record ProcessRole(bool ServesWeb, bool ConsumesEvents)
{
    public static ProcessRole All { get; } = new(true, true);

    public static ProcessRole From(string? role, string transport) => (role?.Trim().ToLowerInvariant() ?? "all") switch
    {
        "all" => All,
        "web" or "worker" when string.Equals(transport, "InMemory",
            StringComparison.OrdinalIgnoreCase) => throw new InvalidOperationException(
            $"--role {role} needs a broker that the web and worker processes share: set Messaging:Transport=RabbitMq, or run --role all."),
        "web" => new(true, false),
        "worker" => new(false, true),
        _ => throw new InvalidOperationException($"--role {role} is not a role: use web, worker or all."),
    };
}
