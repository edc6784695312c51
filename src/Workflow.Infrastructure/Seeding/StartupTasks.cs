using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Infrastructure.Email;

namespace Workflow.Infrastructure.Seeding;

public static class StartupTasks
{
    /// <summary>
    /// The explicit migration step (<c>Workflow.Api migrate</c>): applies pending migrations whatever Database:MigrateOnStartup says,
    /// imports the seeds as Seeds:ImportOnStartup says, and the program ends. Instances started after it need do neither.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            await MigrateAsync(scope.ServiceProvider, db, ct);
        }
        await services.PrepareDatabaseAsync(configuration, ct);
    }

    /// <summary>
    /// Applies pending migrations and imports the seeds, as configuration says (both on by default). After migrating, the directory's
    /// name keys made by an older recipe are made again (<see cref="DirectoryKeys"/>): that is part of bringing the data up to date.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        if (configuration.GetValue("Database:MigrateOnStartup", true))
            await MigrateAsync(scope.ServiceProvider, db, ct);
        if (configuration.GetValue("Seeds:ImportOnStartup", true))
        {
            var directory = configuration["Seeds:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(directory, ct);
        }
    }

    /// <summary>
    /// The migrations, then what the data needs after them: the directory's keys made anew where their rules changed, a
    /// signatory log for statements signed before logs existed, and the tokens of links already e-mailed that an earlier
    /// version left in the outbox erased.
    /// </summary>
    private static async Task MigrateAsync(IServiceProvider services, WorkflowDb db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await db.RefreshStaleAsync(ct);
        await Workflow.Core.Publishing.StartMissingLogs.RunAsync(db, services.GetRequiredService<Workflow.Proof.TreeHeadSigner>(),
            services.GetRequiredService<TimeProvider>(), ct);
        await db.ForgetDeliveredTokensAsync(ct);
    }
}
