using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Limits;

/// <summary>
/// The shared counters, kept in the database every instance uses: one row per rule and partition, holding the hits of a
/// fixed window that starts at the partition's first hit (like ASP.NET's fixed-window limiter, which lets up to twice the
/// permits through across a window's end). Each call takes a DbContext of its own, so counting neither joins nor breaks
/// the caller's unit of work, and a hit stays counted when the request then fails.
/// </summary>
public sealed class DatabaseSharedLimits(IServiceScopeFactory scopes, TimeProvider clock) : ISharedLimits
{
    public async Task<LimitDecision> HitAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var (now, end) = WindowFromNow(rule);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var hit = new LimitCounter { Rule = rule.Name, PartitionHash = Hash(partition), Hits = 1, ExpiresAt = end };
        var counter = db.Database.ProviderName is SqliteProvider or PostgreSqlProvider
            ? await UpsertAsync(db, hit, now, ct)
            : await IncrementInTransactionAsync(db, hit, now, scope.ServiceProvider.GetRequiredService<IDatabaseErrors>(), ct);
        return counter.Hits <= rule.Permits ? LimitDecision.Allow : Refused(rule, counter.ExpiresAt, now);
    }

    public async Task<LimitDecision> CheckAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var (now, _) = WindowFromNow(rule);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var hash = Hash(partition);
        var counter = await db.LimitCounters.AsNoTracking().Where(c => c.Rule == rule.Name && c.PartitionHash == hash && c.ExpiresAt > now)
            .Select(c => new { c.Hits, c.ExpiresAt }).FirstOrDefaultAsync(ct);
        return counter is null || counter.Hits < rule.Permits ? LimitDecision.Allow : Refused(rule, counter.ExpiresAt, now);
    }

    public async Task ResetAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        CheckName(rule);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var hash = Hash(partition);
        await db.LimitCounters.Where(c => c.Rule == rule.Name && c.PartitionHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes the counters whose window has ended; returns how many.</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        return await db.LimitCounters.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// PostgreSQL and SQLite: one statement inserts the partition's row, adds one to it, or starts a new window in it when
    /// the last one has ended, and returns the count. It is atomic on PostgreSQL (a conflicting insert waits for the row)
    /// and on SQLite (one writer at a time). On PostgreSQL the commit does not wait for the write-ahead log to reach the
    /// disk: a server crash may forget the last hits, which is harmless, and the row's lock is held for a fraction of
    /// the time, so that a flood from one address, all on one row, does not queue up connections behind the flushes.
    /// </summary>
    private static async Task<(int Hits, long ExpiresAt)> UpsertAsync(WorkflowDb db, LimitCounter hit, long now, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = UpsertSql;
            // One batch, one round trip: the row's lock is never held while a reply travels to this process and back.
            if (db.Database.ProviderName == PostgreSqlProvider)
                command.CommandText = $"BEGIN; SET LOCAL synchronous_commit TO OFF; {UpsertSql}; COMMIT;";
            Add(command, "rule", hit.Rule);
            Add(command, "partition", hit.PartitionHash);
            Add(command, "expires", hit.ExpiresAt);
            Add(command, "now", now);
            (int, long) counter;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The limit counter's upsert returned no row.");
                counter = (reader.GetInt32(0), reader.GetInt64(1));
            }
            return counter;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string UpsertSql = """
        INSERT INTO "LimitCounters" ("Rule", "PartitionHash", "Hits", "ExpiresAt") VALUES (@rule, @partition, 1, @expires)
        ON CONFLICT ("Rule", "PartitionHash") DO UPDATE SET
            "Hits" = CASE WHEN "LimitCounters"."ExpiresAt" <= @now THEN 1 ELSE "LimitCounters"."Hits" + 1 END,
            "ExpiresAt" = CASE WHEN "LimitCounters"."ExpiresAt" <= @now THEN @expires ELSE "LimitCounters"."ExpiresAt" END
        RETURNING "Hits", "ExpiresAt"
        """;

    /// <summary>
    /// SQL Server (and any provider without the upsert above), through EF Core alone: update the row as the upsert does, or
    /// insert it, a unique-key conflict with another instance's insert meaning "try again". The transaction holds the row's
    /// lock from the update to the read, so the count read is this hit's.
    /// </summary>
    internal static async Task<(int Hits, long ExpiresAt)> IncrementInTransactionAsync(WorkflowDb db, LimitCounter hit, long now,
        IDatabaseErrors errors, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = db.LimitCounters.Where(c => c.Rule == hit.Rule && c.PartitionHash == hit.PartitionHash);
            var updated = await row.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Hits, c => c.ExpiresAt <= now ? 1 : c.Hits + 1)
                .SetProperty(c => c.ExpiresAt, c => c.ExpiresAt <= now ? hit.ExpiresAt : c.ExpiresAt), ct);
            if (updated == 1)
            {
                var counter = await row.AsNoTracking().Select(c => new { c.Hits, c.ExpiresAt }).SingleAsync(ct);
                await transaction.CommitAsync(ct);
                return (counter.Hits, counter.ExpiresAt);
            }
            var inserted = new LimitCounter { Rule = hit.Rule, PartitionHash = hit.PartitionHash, Hits = 1, ExpiresAt = hit.ExpiresAt };
            db.LimitCounters.Add(inserted);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return (1, inserted.ExpiresAt);
            }
            catch (DbUpdateException e) when (attempt < 10 && errors.IsLostRace(e))
            {
                db.Entry(inserted).State = EntityState.Detached;
                await transaction.RollbackAsync(ct);
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private (long Now, long End) WindowFromNow(LimitRule rule)
    {
        CheckName(rule);
        var length = (long)rule.Window.TotalMilliseconds;
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(rule), rule.Window,
            "A limit's window must last at least a millisecond.");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return (now, now + length);
    }

    private static void CheckName(LimitRule rule)
    {
        if (string.IsNullOrEmpty(rule.Name) || rule.Name.Length > LimitCounter.MaxRuleLength)
            throw new ArgumentException($"A limit's name has 1 to {LimitCounter.MaxRuleLength} characters.", nameof(rule));
    }

    /// <summary>Until the window ends; never longer than a window, though another instance's clock (or a hit that read the
    /// clock just before this one) may have started it a little later.</summary>
    private static LimitDecision Refused(LimitRule rule, long expiresAt, long now) =>
        new(false, TimeSpan.FromMilliseconds(Math.Clamp(expiresAt - now, 0, (long)rule.Window.TotalMilliseconds)));

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static string Hash(string partition) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
}
