using MassTransit;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Api.Hosting;

/// <summary>
/// What the host's start needs after the database is prepared, made beforehand on another thread while the database is being
/// prepared (the machine has more than one core, and preparing the database keeps one busy): the pipeline and the endpoints
/// with their request delegates (<see cref="EndpointsBuiltOnce"/>), which building the pipeline and the first request would
/// otherwise wait for; the bus, whose configuration of every endpoint is the heaviest part of its start; and the
/// data-protection key ring (read, or at first start made and written). Nothing here touches the database, and nothing else
/// touches the application's builder until this is done.
/// </summary>
public static class HostWarmUp
{
    public static Task StartAsync(WebApplication app) => Task.Run(() =>
    {
        app.UseWorkflowPipeline();
        app.MapWorkflowEndpoints();
        EndpointsBuiltOnce.Wrap(app);
        app.Services.GetRequiredService<IBusControl>();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(HostWarmUp)).Protect([]);
        EndpointsBuiltOnce.Build(app);
    });
}
