using Workflow.Api.Hosting;
using Workflow.Infrastructure.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowServices();

var app = builder.Build();
if (args.Contains("migrate"))
{
    // Deployments that migrate as a step of their own run this once, and the instances with Database:MigrateOnStartup=false.
    await app.Services.MigrateAsync(app.Configuration);
    return;
}
await app.Services.PrepareDatabaseAsync(app.Configuration);
app.UseWorkflowPipeline();
app.MapWorkflowEndpoints();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
