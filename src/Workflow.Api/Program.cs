using Workflow.Api.Hosting;
using Workflow.Infrastructure.Seeding;

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
