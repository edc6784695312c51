using MassTransit;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Api.Hosting;

/// <summary>
/// What the host's start needs after the database is prepared, made beforehand on another thread while the database is being
/// prepared (the machine has more than one core, and preparing the database keeps one busy): the pipeline and the endpoints
/// with their request delegates (<see cref="EndpointsBuiltOnce"/>), which building the pipeline and the first request would
/// otherwise wait for; the bus, whose configuration of every endpoint is the heaviest part of its start; and the
/// data-protection key ring (read, or at first start made and written). Nothing here touches the database, and nothing else
/// touches the application's builder until the endpoints are mapped.
/// </summary>
public sealed class HostWarmUp
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _mapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _done;

    private HostWarmUp(WebApplication app)
    {
        _app = app;
        _done = Task.Run(Run);
    }

    public static HostWarmUp Start(WebApplication app) => new(app);

    private void Run()
    {
        try
        {
            _app.UseWorkflowPipeline();
            _app.MapWorkflowEndpoints();
            EndpointsBuiltOnce.Wrap(_app);
            _mapped.SetResult();
        }
        catch (Exception e)
        {
            _mapped.SetException(e);
            throw;
        }
        _app.Services.GetRequiredService<IBusControl>();
        _app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(HostWarmUp)).Protect([]);
        EndpointsBuiltOnce.Build(_app);
    }

    /// <summary>
    /// Called by the main thread once the database is prepared: at a restart that is sooner than the warm-up ends, so it builds
    /// the endpoints too, from the last data source back, and then waits for the rest.
    /// </summary>
    public async Task FinishAsync()
    {
        await _mapped.Task;
        EndpointsBuiltOnce.Build(_app, fromTheLast: true);
        await _done;
    }
}
