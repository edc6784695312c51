using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflow.Core.Data;

namespace Workflow.Api.Health;

/// <summary>
/// /health/live answers while the process runs; /health/ready only when it can do its work: the database answers and the
/// bus is connected (MassTransit registers its own check, tagged "ready"). Load balancers send traffic on ready only.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWorkflowHealthChecks(this IServiceCollection services)
    {
        // Unhealthy (503 on ready) when EF Core cannot connect, whatever the reason; the report names the check only.
        services.AddHealthChecks().AddDbContextCheck<WorkflowDb>("database", tags: [ReadyTag]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous().DisableHttpMetrics();
    }

    // Which check failed, without exception details (they can name hosts and users).
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
    }
}
