using Workflow.Api.Health;
using Workflow.Api.Hosting;
using Workflow.Infrastructure.Seeding;

// Before anything is built: a container's health check runs this every few seconds.
if (args is ["probe", var healthUrl, ..]) return await HealthProbe.RunAsync(healthUrl);

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowServices();

var app = builder.Build();
if (await Commands.RunAsync(app, args) is { } exitCode) return exitCode;
await app.Services.PrepareDatabaseAsync(app.Configuration);
app.UseWorkflowPipeline();
app.MapWorkflowEndpoints();
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
