using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Data;

/// <summary>
/// Each provider's migrations bring a database to the model the code builds. The service's start no longer checks this
/// (Migrate's check built the whole design-time model at every first start, see DatabaseSetup), so this test does.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void The_migrations_cover_the_model(string provider)
    {
        var options = new DbContextOptionsBuilder<WorkflowDb>().UseModel(DatabaseSetup.CompiledModel(provider));
        _ = provider switch
        {
            "Sqlite" => options.UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Workflow.Migrations.Sqlite")),
            "PostgreSql" => options.UseNpgsql("Host=not-connected", o => o.MigrationsAssembly("Workflow.Migrations.PostgreSql")),
            _ => options.UseSqlServer("Server=not-connected", o => o.MigrationsAssembly("Workflow.Migrations.SqlServer")),
        };
        using var db = new WorkflowDb(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes no migration makes: add a migration (README).");
    }
}
