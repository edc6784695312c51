using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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
        // A context on the compiled model, as the service makes it: its Model is the compiled one, made ready for use, while
        // the design-time model is still built from the configuration.
        var options = new DbContextOptionsBuilder<WorkflowDb>().UseModel(DatabaseSetup.CompiledModel(provider));
        _ = provider switch
        {
            "Sqlite" => options.UseSqlite("Data Source=:memory:"),
            "PostgreSql" => options.UseNpgsql("Host=not-connected"),
            _ => options.UseSqlServer("Server=not-connected"),
        };
        using var db = new WorkflowDb(options.Options);
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;

        Assert.Equal(Describe(built), Describe(compiled));
        Assert.Equal(Tables(built), Tables(compiled));
    }

    // What the code says of each entity type: its properties with their types and conversions, its navigations and its query filter.
    private static IEnumerable<string> Describe(IModel model) => model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
        new[] { $"{e.Name} filter:{e.GetDeclaredQueryFilters().Count}" }
            .Concat(e.GetDeclaredProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType.Name} {p.GetTypeMapping().Converter?.GetType().Name} {p.IsNullable} {p.GetMaxLength()} {p.ValueGenerated}"))
            .Concat(e.GetDeclaredNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}")))
        .ToList();

    // The tables as the database sees them: columns with their store types, keys and indexes.
    private static IEnumerable<string> Tables(IModel model) => model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
        t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {c.IsNullable}")
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} {i.IsUnique} {i.Filter}"))
            .Concat(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} {f.OnDeleteAction}")))
        .ToList();
}
