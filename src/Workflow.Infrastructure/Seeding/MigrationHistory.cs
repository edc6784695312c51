using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Workflow.Core.Data;

namespace Workflow.Infrastructure.Seeding;

/// <summary>
/// Whether the database has every migration, read from EF's history table with one query. EF's own
/// <c>GetPendingMigrations</c> first builds the history table's model through the conventions and asks whether the table
/// exists, most of a restart's migration step (see tests/Workflow.Benchmarks/PROFILING.md); this only says "nothing to do"
/// when the table names every migration, and leaves every other case (a new database, a migration to apply, a table it cannot
/// read) to EF.
/// </summary>
internal static class MigrationHistory
{
    private const string MigrationIdColumn = "MigrationId";

    public static async Task<bool> HasEveryMigrationAsync(WorkflowDb db, CancellationToken ct)
    {
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var options = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {sql.DelimitIdentifier(MigrationIdColumn)} FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        catch (DbException)
        {
            return false; // no history table yet: a new database
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return migrations.All(applied.Contains);
    }
}
