using MassTransit;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Api.Hosting;

/// <summary>
/// What the host's start needs after the database is prepared, made beforehand on another thread while the database is being
/// prepared (the machine has more than one core, and preparing the database keeps one busy): the bus, whose configuration of
/// every endpoint is the heaviest part of its start, and the data-protection key ring (read, or at first start made and written).
/// Both are singletons that the hosted services then find made; nothing here touches the database.
/// </summary>
public static class HostWarmUp
{
    public static Task StartAsync(IServiceProvider services) => Task.Run(() =>
    {
        services.GetRequiredService<IBusControl>();
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(HostWarmUp)).Protect([]);
    });
}
