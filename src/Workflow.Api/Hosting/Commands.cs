using Workflow.Infrastructure.Messaging;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Api.Hosting;

/// <summary>The program's one-off commands for operators, run instead of the service: <c>migrate</c>, <c>error-queues
/// [redeliver]</c>.</summary>
public static class Commands
{
    /// <returns>The exit code when a command ran; null to run the service.</returns>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        if (args.Contains("migrate"))
        {
            // Deployments that migrate as a step of their own run this once, and the instances with Database:MigrateOnStartup=false.
            await app.Services.MigrateAsync(app.Configuration);
            return 0;
        }
        if (args.Contains("error-queues"))
        {
            if (app.Services.GetService<ErrorQueues>() is not { } errorQueues)
            {
                Console.Error.WriteLine("Error queues exist on RabbitMQ only (Messaging:Transport=RabbitMq).");
                return 2;
            }
            if (args.Contains("redeliver")) Console.WriteLine($"{await errorQueues.RedeliverAsync()} message(s) sent back to their " +
                $"consumers.");
            Console.Write(ErrorQueues.Describe(await errorQueues.CountAsync()));
            return 0;
        }
        return null;
    }
}
