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
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration,
        CancellationToken ct = default, StartupTimeline? timeline = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        _ = db.Model;
        timeline?.Step("EF Core model");
        if (configuration.GetValue("Database:MigrateOnStartup", true))
            await MigrateAsync(scope.ServiceProvider, db, ct, timeline);
        if (configuration.GetValue("Seeds:ImportOnStartup", true))
        {
            var directory = configuration["Seeds:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(directory, ct);
            timeline?.Step("seed import");
        }
    }

    /// <summary>
    /// The migrations, then what the data needs after them: the directory's keys made anew where their rules changed, a
    /// signatory log for statements signed before logs existed, and the tokens of links already e-mailed that an earlier
    /// version left in the outbox erased.
    /// </summary>
    private static async Task MigrateAsync(IServiceProvider services, WorkflowDb db, CancellationToken ct, StartupTimeline? timeline = null)
    {
        // Migrate first compares the model with the last migration's snapshot, which builds the whole design-time model (about a
        // tenth of a restart); asking the history table which migrations are applied is enough to know that there is nothing to do.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        timeline?.Step("migrations");
        await db.RefreshStaleAsync(ct);
        await Workflow.Core.Publishing.StartMissingLogs.RunAsync(db, services.GetRequiredService<Workflow.Proof.TreeHeadSigner>(),
            services.GetRequiredService<TimeProvider>(), ct);
        await db.ForgetDeliveredTokensAsync(ct);
        timeline?.Step("data brought up to date after migrating");
    }
}
