using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflow.Core.Data;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Data;

/// <summary>
/// The service starts on a compiled model per provider (generated code, README "Adding a migration") instead of building the
/// model from <see cref="WorkflowDb"/>'s configuration at every start. This test fails when the two part ways: regenerate it.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void The_compiled_model_is_the_model_the_code_builds(string provider)
    {
        var options = new DbContextOptionsBuilder<WorkflowDb>();
        _ = provider switch
        {
            "Sqlite" => options.UseSqlite("Data Source=:memory:"),
            "PostgreSql" => options.UseNpgsql("Host=not-connected"),
            _ => options.UseSqlServer("Server=not-connected"),
        };
        using var db = new WorkflowDb(options.Options);
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = DatabaseSetup.CompiledModel(provider);

        Assert.Equal(Describe(built), Describe(compiled));
        Assert.False(db.GetService<IMigrationsModelDiffer>().HasDifferences(compiled.GetRelationalModel(), built.GetRelationalModel()),
            $"The {provider} compiled model's tables differ from the model's: regenerate it (README, Adding a migration).");
    }

    // What the code says of each entity type, beyond the tables: its properties with their types and conversions, its
    // navigations and its query filter.
    private static IEnumerable<string> Describe(IModel model) => model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
        new[] { $"{e.Name} filter:{e.GetDeclaredQueryFilters().Count}" }
            .Concat(e.GetDeclaredProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType.Name} {p.GetTypeMapping().Converter?.GetType().Name} {p.IsNullable} {p.GetMaxLength()} {p.ValueGenerated}"))
            .Concat(e.GetDeclaredNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}")));
}
