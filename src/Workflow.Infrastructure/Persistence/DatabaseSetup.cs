using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Infrastructure.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// The database provider comes from configuration (Database:Provider). SQLite, the embedded default,
    /// keeps its file in the data directory unless ConnectionStrings:Workflow says otherwise.
    /// </summary>
    public static IServiceCollection AddWorkflowDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Workflow");
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IDatabaseErrors>(provider.ToLowerInvariant() switch
        {
            "sqlite" => new SqliteDatabaseErrors(),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not supported. Use Sqlite."),
        });
        services.AddDbContext<WorkflowDb>((sp, options) =>
        {
            switch (provider.ToLowerInvariant())
            {
                case "sqlite":
                    options.UseSqlite(connectionString ?? $"Data Source={Path.Combine(dataDirectory, "workflow.db")}",
                        sqlite => sqlite.MigrationsAssembly("Workflow.Migrations.Sqlite"));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Database:Provider '{provider}' is not supported. Use Sqlite.");
            }
            options.AddInterceptors(new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()));
        });
        return services;
    }
}
