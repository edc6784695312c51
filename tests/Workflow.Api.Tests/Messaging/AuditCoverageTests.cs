using MassTransit;
using Workflow.Contracts;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Tests.Messaging;

public sealed class AuditCoverageTests
{
    [Fact]
    public void The_audit_log_consumes_every_event_contract()
    {
        var contracts = typeof(IWorkflowEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWorkflowEvent).IsAssignableFrom(t));
        var consumed = typeof(AuditLogConsumer).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]);

        Assert.Empty(contracts.Except(consumed).Select(t => t.Name));
    }
}
