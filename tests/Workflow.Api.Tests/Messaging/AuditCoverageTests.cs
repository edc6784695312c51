using System.Runtime.CompilerServices;
using Workflow.Contracts;
using Workflow.Core.Audit;

namespace Workflow.Api.Tests.Messaging;

public sealed class AuditCoverageTests
{
    private static IEnumerable<Type> Contracts => typeof(IWorkflowEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWorkflowEvent).IsAssignableFrom(t));

    [Fact]
    public void No_event_contract_s_encrypted_link_token_reaches_the_audit_log()
    {
        var withTokens = 0;
        foreach (var contract in Contracts)
        {
            var raised = (IWorkflowEvent)RuntimeHelpers.GetUninitializedObject(contract);
            var tokens = contract.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite).ToList();
            foreach (var property in tokens) property.SetValue(raised, $"value-of-{property.Name}");

            var entry = Assert.Single(AuditRecord.For(raised, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

            Assert.Equal(contract.Name, entry.EventType);
            foreach (var property in tokens)
            {
                if (property.Name.StartsWith("Protected", StringComparison.Ordinal))
                {
                    withTokens++;
                    Assert.DoesNotContain($"value-of-{property.Name}", entry.Payload);
                }
                else
                {
                    Assert.Contains($"value-of-{property.Name}", entry.Payload); // what the event says otherwise is all there
                }
            }
        }
        Assert.True(withTokens >= 8, $"Expected the contracts that carry a link to be among them; found {withTokens} token properties.");
    }

    [Fact]
    public void A_merge_is_in_the_log_of_every_statement_it_touched()
    {
        var statements = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var merged = new OrganisationsMerged(Guid.NewGuid(), Guid.NewGuid(), "A", "B", statements, 1, 1, "user", DateTimeOffset.UnixEpoch);

        Assert.Equal(statements.Cast<Guid?>(), AuditRecord.For(merged, Guid.NewGuid(), DateTimeOffset.UnixEpoch)
            .Select(e => e.StatementId));
        Assert.Equal([null], AuditRecord.For(merged with { StatementIds = [] }, Guid.NewGuid(), DateTimeOffset.UnixEpoch)
            .Select(e => e.StatementId));
    }
}
