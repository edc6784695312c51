using MassTransit;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Api.Hosting;

/// <summary>
/// What the host's start needs after the database is prepared, made beforehand on another thread while the database is being
/// prepared (the machine has more than one core, and preparing the database keeps one busy): the bus, whose configuration of
/// every endpoint is the heaviest part of its start, the data-protection key ring (read, or at first start made and written),
/// and the endpoints with their request delegates (<see cref="EndpointsBuiltOnce"/>), which building the pipeline and the
/// first request would otherwise wait for. Nothing here touches the database.
/// </summary>
public static class HostWarmUp
{
    public static Task StartAsync(WebApplication app) => Task.Run(() =>
    {
        app.Services.GetRequiredService<IBusControl>();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(HostWarmUp)).Protect([]);
        EndpointsBuiltOnce.Build(app);
    });
}
