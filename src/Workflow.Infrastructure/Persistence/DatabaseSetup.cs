using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Infrastructure.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// The database provider comes from configuration (Database:Provider): Sqlite (the embedded default, its file in the data
    /// directory unless ConnectionStrings:Workflow says otherwise), PostgreSql or SqlServer (ConnectionStrings:Workflow required).
    /// Each has its own migrations assembly.
    /// </summary>
    public static IServiceCollection AddWorkflowDatabase(this IServiceCollection services, IConfiguration configuration,
        string dataDirectory)
    {
        var provider = ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("Workflow");
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IDatabaseErrors>(provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDatabaseErrors(),
            "postgresql" => new PostgreSqlDatabaseErrors(),
            "sqlserver" => new SqlServerDatabaseErrors(),
            _ => throw Unsupported(provider),
        });
        services.AddDbContext<WorkflowDb>((sp, options) =>
        {
            switch (provider.ToLowerInvariant())
            {
                case "sqlite":
                    options.UseModel(CompiledModel(provider));
                    options.UseSqlite(connectionString ?? $"Data Source={Path.Combine(dataDirectory, "workflow.db")}",
                        sqlite => sqlite.MigrationsAssembly("Workflow.Migrations.Sqlite"));
                    options.AddInterceptors(new SqliteSecureDelete());
                    break;
                case "postgresql":
                    options.UseModel(CompiledModel(provider));
                    options.UseNpgsql(connectionString ?? throw MissingConnectionString(provider),
                        npgsql => npgsql.MigrationsAssembly("Workflow.Migrations.PostgreSql"));
                    break;
                case "sqlserver":
                    options.UseModel(CompiledModel(provider));
                    options.UseSqlServer(connectionString ?? throw MissingConnectionString(provider),
                        sqlServer => sqlServer.MigrationsAssembly("Workflow.Migrations.SqlServer"));
                    break;
                default:
                    throw Unsupported(provider);
            }
            options.AddInterceptors(new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()));
            // Migrate first checks that the migrations cover the model, which builds the whole design-time model from the
            // configuration (three quarters of the migrations' time at a first start). The migrations and the model are held
            // together by CompiledModelTests instead, once per provider, not at every start.
            options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        }, optionsLifetime: ServiceLifetime.Singleton); // built once, not for every request and every message handled
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.AddHostedService<LimitCounterSweeper>();
        return services;
    }

    /// <summary>
    /// The provider's model as generated code (<c>dotnet ef dbcontext optimize</c>, README "Adding a migration"), beside its
    /// migrations: building the model from <see cref="WorkflowDb"/>'s configuration took a fifth of a restart. A test fails when
    /// the generated code and the configuration part ways.
    /// </summary>
    public static IModel CompiledModel(string provider) => provider.ToLowerInvariant() switch
    {
        "sqlite" => Workflow.Migrations.Sqlite.CompiledModel.WorkflowDbModel.Instance,
        "postgresql" => Workflow.Migrations.PostgreSql.CompiledModel.WorkflowDbModel.Instance,
        "sqlserver" => Workflow.Migrations.SqlServer.CompiledModel.WorkflowDbModel.Instance,
        _ => throw Unsupported(provider),
    };

    /// <summary>
    /// Starts making the configured provider's compiled model (its static set-up) on a thread of its own while the host is
    /// still being built, when the machine's other core has nothing else to do yet; the first DbContext then finds it made, or
    /// waits for the rest of it. A provider that is not supported is reported when the first context is made, as before.
    /// </summary>
    public static void StartMakingCompiledModel(IConfiguration configuration)
    {
        var provider = ProviderOf(configuration);
        new Thread(() =>
        {
            try { _ = CompiledModel(provider); }
            catch (InvalidOperationException) { }
        }) { IsBackground = true, Name = "Compiled model" }.Start();
    }

    private static string ProviderOf(IConfiguration configuration) => configuration["Database:Provider"] ?? "Sqlite";

    private static InvalidOperationException Unsupported(string provider) =>
        new($"Database:Provider '{provider}' is not supported. Use Sqlite, PostgreSql or SqlServer.");

    private static InvalidOperationException MissingConnectionString(string provider) =>
        new($"Database:Provider {provider} needs ConnectionStrings:Workflow (environment variable ConnectionStrings__Workflow).");
}
