using System.Reflection;
using System.Runtime.CompilerServices;
using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Tests.Data;

public class IntegrationEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> DomainEventTypes() => new(typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(DomainEventTypes))]
    public void Every_domain_event_is_published_as_a_contract(string typeName)
    {
        var raised = AnyInstanceOf(typeof(IDomainEvent).Assembly.GetType(typeName)!);
        var links = new LinksToMail();
        links.Add(new LinkToken("token", "hash", "protected"));

        // Only the events StatementTitled names have their titles looked up before the mapping asks for them.
        var titled = IntegrationEvents.StatementTitled(raised);
        var contract = new IntegrationEvents(id => id == titled ? "Title"
            : throw new KeyNotFoundException($"{typeName} asks for a title that StatementTitled does not name."), links).ContractOf(raised);

        Assert.Equal("Workflow.Contracts", contract.GetType().Namespace);
        Assert.Equal(raised.OccurredAt, contract.OccurredAt);
    }

    [Fact]
    public void An_invitation_e_mail_carries_the_saved_title_and_the_link_lent_by_its_use_case_never_the_hash()
    {
        var links = new LinksToMail();
        links.Add(new LinkToken("the-token", "the-hash", "the-protected-token"));
        var statement = Guid.NewGuid();
        var sent = new InvitationEvents.Sent(statement, Guid.NewGuid(), Guid.NewGuid(), "Rode Morgen", "a@example.org", "nl",
            "the-hash", "owner", Now);

        var contract = Assert.IsType<EndorsementRequested>(new IntegrationEvents(id => id == statement ? "Solidarity" : "?", links)
            .ContractOf(sent));

        Assert.Equal(("Solidarity", "the-protected-token", "nl", "Rode Morgen"),
            (contract.StatementTitle, contract.ProtectedSigningToken, contract.RecipientLanguage, contract.OrganisationName));
    }

    [Fact]
    public void An_event_sending_a_link_its_use_case_did_not_lend_fails_rather_than_sending_an_e_mail_without_it()
    {
        var resent = new InvitationEvents.Resent(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Org", "a@example.org", "en",
            "never-lent", "owner", Now);

        Assert.Throws<InvalidOperationException>(() => new IntegrationEvents(_ => "T", new LinksToMail()).ContractOf(resent));
    }

    /// <summary>An instance whose text properties are "hash" (the one link lent), numbers zero, and nested records alike.</summary>
    private static IDomainEvent AnyInstanceOf(Type type) => (IDomainEvent)Fill(type);

    private static object Fill(Type type)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var t = property.PropertyType;
            object? value = t == typeof(string) ? "hash"
                : t == typeof(DateTimeOffset) || t == typeof(DateTimeOffset?) ? Now
                : t == typeof(IReadOnlyList<Guid>) ? new List<Guid> { Guid.NewGuid() }
                : t.IsClass && t.Namespace?.StartsWith("Workflow.Core", StringComparison.Ordinal) == true ? Fill(t)
                : null;
            if (value is not null) property.SetValue(instance, value);
        }
        return instance;
    }
}
