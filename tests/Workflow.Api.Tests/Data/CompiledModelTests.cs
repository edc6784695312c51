using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Workflow.Core.Data;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Data;

/// <summary>
/// The service starts on a compiled model per provider (generated code, README "Adding a migration") instead of building the
/// model from <see cref="WorkflowDb"/>'s configuration at every start, and without Migrate's check that the migrations cover
/// the model (it built the whole design-time model at every first start, see DatabaseSetup). These tests hold the three
/// together: they fail when the compiled model and the code part ways (regenerate it) or when no migration makes a change (add one).
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void The_compiled_model_is_the_model_the_code_builds(string provider)
    {
        // Its Model is the compiled one, made ready for use, while the design-time model is still built from the configuration.
        using var db = ContextOn(provider);
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;

        Assert.Equal(Describe(built), Describe(compiled));
        Assert.Equal(Tables(built), Tables(compiled));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void The_migrations_cover_the_model(string provider)
    {
        using var db = ContextOn(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes no migration makes: add a migration (README).");
    }

    /// <summary>A context as the service makes it (the compiled model, the provider's migrations), never connected.</summary>
    private static WorkflowDb ContextOn(string provider)
    {
        var options = new DbContextOptionsBuilder<WorkflowDb>().UseModel(DatabaseSetup.CompiledModel(provider));
        _ = provider switch
        {
            "Sqlite" => options.UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Workflow.Migrations.Sqlite")),
            "PostgreSql" => options.UseNpgsql("Host=not-connected", o => o.MigrationsAssembly("Workflow.Migrations.PostgreSql")),
            _ => options.UseSqlServer("Server=not-connected", o => o.MigrationsAssembly("Workflow.Migrations.SqlServer")),
        };
        return new WorkflowDb(options.Options);
    }

    // What the code says of each entity type: its properties with their types and conversions, its navigations and its query filter.
    private static IEnumerable<string> Describe(IModel model) => model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal)
        .SelectMany(e =>
        new[] { $"{e.Name} filter:{e.GetDeclaredQueryFilters().Count}" }
            .Concat(e.GetDeclaredProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType.Name} {p.GetTypeMapping().Converter?.GetType().Name} " +
                $"{p.IsNullable} {p.GetMaxLength()} {p.ValueGenerated}"))
            .Concat(e.GetDeclaredNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}")))
        .ToList();

    // The tables as the database sees them: columns with their store types, keys and indexes.
    private static IEnumerable<string> Tables(IModel model) => model.GetRelationalModel().Tables
        .OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
        t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {c.IsNullable}")
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} {i.IsUnique} {i.Filter}"))
            .Concat(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} {f.OnDeleteAction}")))
        .ToList();
}
