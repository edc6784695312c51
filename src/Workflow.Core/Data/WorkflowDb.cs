using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflow.Contracts;
using Workflow.Core.Accounts;
using Workflow.Core.Audit;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Data;

/// <summary>
/// The unit of work and the way to the data. Saving also moves the events that the changed
/// aggregates raised into the outbox, in the same transaction.
/// </summary>
public sealed class WorkflowDb(DbContextOptions<WorkflowDb> options) : IdentityDbContext<WorkflowUser>(options)
{
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementVersion> StatementVersions => Set<StatementVersion>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<EndorsementRequest> EndorsementRequests => Set<EndorsementRequest>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<SignOn.SignOnEntry> SignOnEntries => Set<SignOn.SignOnEntry>();
    public DbSet<Collaboration.CollaboratorInvitation> CollaboratorInvitations => Set<Collaboration.CollaboratorInvitation>();
    public DbSet<Review.Comment> Comments => Set<Review.Comment>();
    public DbSet<Review.Amendment> Amendments => Set<Review.Amendment>();
    public DbSet<Translations.TranslationVersion> TranslationVersions => Set<Translations.TranslationVersion>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MoveEventsToOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveEventsToOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void MoveEventsToOutbox()
    {
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            if (entry.State == EntityState.Modified) entry.Entity.ConcurrencyStamp++;
            foreach (var raised in entry.Entity.TakeEvents())
            {
                OutboxMessages.Add(new OutboxMessage
                {
                    MessageId = Guid.CreateVersion7(raised.OccurredAt),
                    Type = raised.GetType().FullName!,
                    Payload = JsonSerializer.Serialize(raised, raised.GetType(), EventJson),
                    OccurredAt = raised.OccurredAt,
                });
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: stored as text, DateTimeOffset can be neither compared nor sorted
        // in SQL. As a number it can, so queries behave the same on every provider.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkflowDb).Assembly);
    }
}
