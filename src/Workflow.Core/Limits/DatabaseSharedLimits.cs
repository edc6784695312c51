using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Limits;

/// <summary>
/// The shared counters, kept in the database every instance uses: one row per rule, partition and fixed window (windows
/// aligned to multiples of the rule's window, like ASP.NET's fixed-window limiter allowing up to twice the permits across
/// a window's edge). Each call takes a DbContext of its own, so counting neither joins nor breaks the caller's unit of
/// work, and a hit stays counted when the request then fails.
/// </summary>
public sealed class DatabaseSharedLimits(IServiceScopeFactory scopes, TimeProvider clock) : ISharedLimits
{
    public async Task<LimitDecision> HitAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var window = WindowOf(rule, out var now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var counter = new LimitCounter { Rule = rule.Name, PartitionHash = Hash(partition), WindowStart = window.Start, Hits = 1, ExpiresAt = window.End };
        var hits = db.Database.ProviderName is SqliteProvider or PostgreSqlProvider
            ? await UpsertAsync(db, counter, ct)
            : await IncrementInTransactionAsync(db, counter, scope.ServiceProvider.GetRequiredService<IDatabaseErrors>(), ct);
        return hits <= rule.Permits ? LimitDecision.Allow : Refused(window, now);
    }

    public async Task<LimitDecision> CheckAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        var window = WindowOf(rule, out var now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var hash = Hash(partition);
        var hits = await db.Set<LimitCounter>().Where(c => c.Rule == rule.Name && c.PartitionHash == hash && c.WindowStart == window.Start)
            .Select(c => c.Hits).FirstOrDefaultAsync(ct);
        return hits < rule.Permits ? LimitDecision.Allow : Refused(window, now);
    }

    public async Task ResetAsync(LimitRule rule, string partition, CancellationToken ct = default)
    {
        CheckName(rule);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var hash = Hash(partition);
        await db.Set<LimitCounter>().Where(c => c.Rule == rule.Name && c.PartitionHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes the counters of windows that have ended; returns how many.</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        return await db.Set<LimitCounter>().Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// PostgreSQL and SQLite: one statement that inserts the window's row or adds one to it, and returns the count. It is
    /// atomic on PostgreSQL (the conflicting insert waits for the row) and SQLite (one writer at a time).
    /// </summary>
    private static async Task<int> UpsertAsync(WorkflowDb db, LimitCounter counter, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                INSERT INTO "LimitCounters" ("Rule", "PartitionHash", "WindowStart", "Hits", "ExpiresAt")
                VALUES (@rule, @partition, @start, 1, @expires)
                ON CONFLICT ("Rule", "PartitionHash", "WindowStart") DO UPDATE SET "Hits" = "LimitCounters"."Hits" + 1
                RETURNING "Hits"
                """;
            Add(command, "rule", counter.Rule);
            Add(command, "partition", counter.PartitionHash);
            Add(command, "start", counter.WindowStart);
            Add(command, "expires", counter.ExpiresAt);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQL Server (and any provider without the upsert above), through EF Core alone: add one to the row, or insert it, a
    /// unique-key conflict with another instance's insert meaning "try again". The transaction holds the row's lock from
    /// the update to the read, so the count read is this hit's.
    /// </summary>
    internal static async Task<int> IncrementInTransactionAsync(WorkflowDb db, LimitCounter counter, IDatabaseErrors errors, CancellationToken ct)
    {
        var counters = db.Set<LimitCounter>();
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = counters.Where(c => c.Rule == counter.Rule && c.PartitionHash == counter.PartitionHash && c.WindowStart == counter.WindowStart);
            if (await row.ExecuteUpdateAsync(s => s.SetProperty(c => c.Hits, c => c.Hits + 1), ct) == 1)
            {
                var hits = await row.Select(c => c.Hits).SingleAsync(ct);
                await transaction.CommitAsync(ct);
                return hits;
            }
            var inserted = new LimitCounter { Rule = counter.Rule, PartitionHash = counter.PartitionHash, WindowStart = counter.WindowStart, Hits = 1, ExpiresAt = counter.ExpiresAt };
            counters.Add(inserted);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return 1;
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

    private (long Start, long End) WindowOf(LimitRule rule, out long now)
    {
        CheckName(rule);
        var length = (long)rule.Window.TotalMilliseconds;
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(rule), rule.Window, "A limit's window must last at least a millisecond.");
        now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - now % length;
        return (start, start + length);
    }

    private static void CheckName(LimitRule rule)
    {
        if (string.IsNullOrEmpty(rule.Name) || rule.Name.Length > LimitCounter.MaxRuleLength)
            throw new ArgumentException($"A limit's name has 1 to {LimitCounter.MaxRuleLength} characters.", nameof(rule));
    }

    private static LimitDecision Refused((long Start, long End) window, long now) => new(false, TimeSpan.FromMilliseconds(window.End - now));

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static string Hash(string partition) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
}
