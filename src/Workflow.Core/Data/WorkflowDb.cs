using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflow.Core.Accounts;
using Workflow.Core.Audit;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Publishing;
using Workflow.Core.Statements;

namespace Workflow.Core.Data;

/// <summary>
/// The unit of work and the way to the data. Saving also moves the events that the changed
/// aggregates raised into the outbox and records them in the audit log, in the same transaction.
/// </summary>
/// <param name="headSigner">Signs the signatory logs' tree heads; a context without one cannot save a change the public sees.</param>
/// <param name="clock">When the audit log records an event (the system's clock if none).</param>
public sealed class WorkflowDb(DbContextOptions<WorkflowDb> options, Workflow.Proof.TreeHeadSigner? headSigner = null,
    TimeProvider? clock = null)
    : IdentityDbContext<WorkflowUser>(options)
{
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementVersion> StatementVersions => Set<StatementVersion>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<Endorsements.SignOnEntry> SignOnEntries => Set<Endorsements.SignOnEntry>();
    public DbSet<RetiredLink> RetiredLinks => Set<RetiredLink>();
    public DbSet<Drafting.CollaboratorInvitation> CollaboratorInvitations => Set<Drafting.CollaboratorInvitation>();
    public DbSet<Drafting.Comment> Comments => Set<Drafting.Comment>();
    public DbSet<Drafting.Amendment> Amendments => Set<Drafting.Amendment>();
    public DbSet<Drafting.TranslationVersion> TranslationVersions => Set<Drafting.TranslationVersion>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<LogEntry> LogEntries => Set<LogEntry>();

    /// <summary>The links this unit of work sends by e-mail; the use case that makes a link lends it here.</summary>
    public LinksToMail LinksToMail { get; } = new();

    /// <summary>The limits every instance shares (<see cref="Limits.DatabaseSharedLimits"/>).</summary>
    public DbSet<Limits.LimitCounter> LimitCounters => Set<Limits.LimitCounter>();

    /// <summary>How each person hears about their statements (<see cref="Notifications.NotificationSettings"/>), and what waits for their
    /// daily summary.</summary>
    public DbSet<Notifications.NotificationSettings> NotificationSettings => Set<Notifications.NotificationSettings>();
    public DbSet<Notifications.PendingDigestItem> PendingDigestItems => Set<Notifications.PendingDigestItem>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Every question asked of the change tracker (Entries, Entries<T>) would otherwise look for changes in every tracked
        // entity again: six passes over a bulk invitation's thousands. One pass here; the one EF makes before writing sees
        // what the steps below change (concurrency stamps, signatures' places in the log) and adds nothing else.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            RefuseNulCharacters();
            await AppendToSignatoryLogsAsync(cancellationToken);
            await MoveEventsToOutboxAndAuditLogAsync(cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Signing takes the next number of the statement's list and the next link of its chain: strictly one after another.
    /// Instead of letting concurrent signings race and retry (which collapses under load), each takes the statement's row
    /// lock first, in a transaction of its own, and the others wait their turn. A no-op update takes that lock the same
    /// way on PostgreSQL, SQL Server (row locks) and SQLite (the database's write lock), before anything is read.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> LockStatementAsync(Guid statementId,
        CancellationToken ct)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        var locked = await Database.ExecuteSqlAsync($"UPDATE \"Statements\" SET \"Title\" = \"Title\" WHERE \"Id\" = {statementId}", ct);
        // The caller read the id from a row that refers to the statement: missing here would mean the lock silently did nothing.
        if (locked != 1) throw new InvalidOperationException($"Statement {statementId} was not found to lock.");
        return transaction;
    }

    /// <summary>
    /// <see cref="LockStatementAsync"/> and the statement read under the lock. On PostgreSQL in one round trip, a
    /// <c>SELECT … FOR NO KEY UPDATE</c>: the very lock the no-op update takes (inserts referring to the statement are not
    /// held up), without writing a new version of the row each time.
    /// </summary>
    public async Task<(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction, Statement Statement)>
        LockAndLoadStatementAsync(Guid statementId, CancellationToken ct)
    {
        if (Database.ProviderName != PostgreSqlProvider)
        {
            var locked = await LockStatementAsync(statementId, ct);
            return (locked, await Statements.SingleAsync(s => s.Id == statementId, ct));
        }
        var transaction = await Database.BeginTransactionAsync(ct);
        // Not composed (no LIMIT around it): the statement is sent as written.
        var rows = await Statements.FromSql($"SELECT * FROM \"Statements\" WHERE \"Id\" = {statementId} FOR NO KEY UPDATE").ToListAsync(ct);
        if (rows.Count != 1) throw new InvalidOperationException($"Statement {statementId} was not found to lock.");
        return (transaction, rows[0]);
    }

    /// <summary>
    /// PostgreSQL cannot store U+0000 in text. The web edge refuses it in every field it reads; this catches any other way
    /// in (a CSV file's cells, say) as a validation failure, before the database would fail the whole save.
    /// </summary>
    private void RefuseNulCharacters()
    {
        var failures = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => e.Properties.Where(p => p.CurrentValue is string text && text.Contains('\0'))
                .Select(p => new FluentValidation.Results.ValidationFailure($"{e.Metadata.ClrType.Name}.{p.Metadata.Name}",
                    "Text may not contain the NUL character (U+0000).")))
            .ToList();
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
    }

    /// <summary>
    /// Every change the public sees is appended to its statement's signatory log in the same transaction, so no use case
    /// can forget it. Two saves racing for the same index meet the unique key, and the loser runs again.
    /// </summary>
    private async Task AppendToSignatoryLogsAsync(CancellationToken ct)
    {
        var pending = SignatoryLogWriter.Collect(ChangeTracker, (clock ?? TimeProvider.System).GetUtcNow());
        if (pending.Count == 0) return;
        if (headSigner is null) throw new InvalidOperationException("This context has no tree head signer: it cannot change what the " +
            "public sees.");

        var lastEntries = new Dictionary<Guid, LogEntry?>();
        foreach (var statementId in pending.Select(p => p.StatementId).Distinct())
            lastEntries[statementId] = await LogEntries.Where(e => e.StatementId == statementId).OrderByDescending(e => e.Index)
                .FirstOrDefaultAsync(ct);
        var changed = pending.Where(p => p.Signature is not null && Entry(p.Signature).State == EntityState.Modified)
            .Select(p => (Guid?)p.Signature!.Id).ToList();
        var lastFacts = new Dictionary<Guid, string>();
        if (changed.Count > 0)
        {
            // A signature has a handful of entries: reading them all is simpler than asking each provider for the last.
            var entries = await LogEntries.AsNoTracking().Where(e => changed.Contains(e.SignatureId))
                .Select(e => new { e.SignatureId, e.Index, e.Entry }).ToListAsync(ct);
            foreach (var latest in entries.GroupBy(e => e.SignatureId!.Value).Select(g => g.MaxBy(e => e.Index)!))
                lastFacts[latest.SignatureId!.Value] = SignatoryLogWriter.FactsIn(latest.Entry);
        }
        LogEntries.AddRange(SignatoryLogWriter.Append(pending, lastEntries, lastFacts, headSigner));
    }

    /// <summary>
    /// The events go to the outbox, as their public contracts, for the consumers that react to them (e-mails, reminders, caches).
    /// The audit log only records what was saved, so its entries are written here, in the same transaction as the change, under
    /// the same message id: it is never behind the database and needs no trip round the bus.
    /// </summary>
    private async Task MoveEventsToOutboxAndAuditLogAsync(CancellationToken ct)
    {
        var recordedAt = (clock ?? TimeProvider.System).GetUtcNow();
        var roots = ChangeTracker.Entries<AggregateRoot>().ToList();
        var titles = await TitlesAsync(roots.SelectMany(r => r.Entity.PendingEvents).Select(IntegrationEvents.StatementTitled)
            .OfType<Guid>().ToHashSet(), ct);
        var contracts = new IntegrationEvents(id => titles[id], LinksToMail);
        foreach (var entry in roots)
        {
            if (entry.State == EntityState.Modified) entry.Entity.ConcurrencyStamp++;
            foreach (var raised in entry.Entity.TakeEvents())
            {
                var contract = contracts.ContractOf(raised);
                var messageId = Guid.CreateVersion7(contract.OccurredAt);
                OutboxMessages.Add(new OutboxMessage
                {
                    MessageId = messageId,
                    Type = contract.GetType().FullName!,
                    Payload = JsonSerializer.Serialize(contract, contract.GetType(), EventJson),
                    OccurredAt = contract.OccurredAt,
                });
                AuditEntries.AddRange(AuditRecord.For(contract, messageId, recordedAt));
            }
        }
    }

    /// <summary>The titles of these statements as this save leaves them: the tracked ones' own, the others' from the database.</summary>
    private async Task<Dictionary<Guid, string>> TitlesAsync(HashSet<Guid> statementIds, CancellationToken ct)
    {
        if (statementIds.Count == 0) return [];
        var titles = ChangeTracker.Entries<Statement>().Where(e => statementIds.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => e.Entity.Title);
        var untracked = statementIds.Where(id => !titles.ContainsKey(id)).ToList();
        if (untracked.Count > 0)
            foreach (var s in await Statements.AsNoTracking().Where(s => untracked.Contains(s.Id)).Select(s => new { s.Id, s.Title })
                .ToListAsync(ct))
                titles[s.Id] = s.Title;
        return titles;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: stored as text, DateTimeOffset can be neither compared nor sorted
        // in SQL. As a number it can, so queries behave the same on every provider.
        if (Database.ProviderName == SqliteProvider)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes only UTC; a deadline a client sent as 18:00+02:00 is stored as 16:00Z everywhere.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkflowDb).Assembly);
        // One standing signature per organisation and statement; a filtered index, in each provider's quoting.
        builder.Entity<Endorsements.Signature>().HasIndex(s => new { s.StatementId, s.OrganisationId }).IsUnique()
            .HasFilter(Database.ProviderName == SqlServerProvider ? "[Status] = N'Active'" : "\"Status\" = 'Active'");
    }

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>Public because the compiled models (generated code in the migrations assemblies) name it.</summary>
    public sealed class UtcDateTimeOffset()
        : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(), value => value);
}
