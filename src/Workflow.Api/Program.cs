using Workflow.Api.Health;
using Workflow.Api.Hosting;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Seeding;

// Before anything is built: a container's health check runs this every few seconds.
if (args is ["probe", var healthUrl, ..]) return await HealthProbe.RunAsync(healthUrl);

var timeline = new StartupTimeline();
var builder = WebApplication.CreateBuilder(args);
DatabaseSetup.StartMakingCompiledModel(builder.Configuration);
builder.AddWorkflowServices();

var app = builder.Build();
timeline.Step("host built");
if (await Commands.RunAsync(app, args) is { } exitCode) return exitCode;
var warmUp = HostWarmUp.Start(app);
await app.Services.PrepareDatabaseAsync(app.Configuration, timeline: timeline);
await warmUp.FinishAsync();
timeline.Step("pipeline, endpoints, bus and key ring made (alongside)");
app.Lifetime.ApplicationStarted.Register(() =>
{
    timeline.Step("hosted services started and listening");
    timeline.Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupTimeline.Category));
});
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
