using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflow.Core.Data;

namespace Workflow.Api.Tests.Data;

/// <summary>
/// No SQL Server runs where we build, so its schema is kept honest as reviewed SQL: the idempotent script of the SQL Server
/// migrations is checked in, and this test fails when the migrations and the script part ways.
/// </summary>
public sealed class SqlServerScriptTests
{
    public static string ScriptPath => Path.Combine(RepositoryPaths.Root, "deploy", "sql", "sqlserver-migrations.sql");

    [Fact]
    public void The_checked_in_SQL_Server_script_is_the_one_the_migrations_generate()
    {
        var options = new DbContextOptionsBuilder<WorkflowDb>()
            .UseSqlServer("Server=not-connected;Database=workflow", sql => sql.MigrationsAssembly("Workflow.Migrations.SqlServer")).Options;
        using var db = new WorkflowDb(options);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.True(File.Exists(ScriptPath), $"{ScriptPath} is missing; see the README (Layout) for the command that writes it.");
        Assert.True(Lines(File.ReadAllText(ScriptPath)).SequenceEqual(Lines(generated)),
            "The SQL Server migrations changed: regenerate deploy/sql/sqlserver-migrations.sql (README, Layout) and review it.");
        Assert.Contains("WHERE [Status] = N''Active''", generated); // the filtered index, in SQL Server's quoting
        Assert.Contains("IF NOT EXISTS", generated);
    }

    private static IEnumerable<string> Lines(string sql) =>
        sql.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);
}
