using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Infrastructure.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>How often the dispatcher looks for events when no save has woken it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;
    /// <summary>How long a publish may wait for the broker before it counts as failed and is tried again on the next pass.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// With the in-memory transport: how far back to publish again at start-up (see
    /// <see cref="OutboxDispatcher.RequeueRecentlySentAsync"/>).
    /// </summary>
    public TimeSpan RedeliverOnStartWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Set to false to run a process that writes events but does not publish them.</summary>
    public bool DispatcherEnabled { get; set; } = true;
}

internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<OutboxOptions> options, MessagingOptions messaging,
    ILogger<OutboxDispatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled) return;
        if (messaging.IsInMemory)
        {
            var requeued = await dispatcher.RequeueRecentlySentAsync(settings.RedeliverOnStartWindow, stoppingToken);
            if (requeued > 0) log.LogInformation("Publishing {Count} recently sent events again after a restart", requeued);
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await dispatcher.DispatchPendingAsync(settings.BatchSize, stoppingToken);
                failures = 0;
                if (published == settings.BatchSize) continue; // more may be waiting
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                log.LogError(e, "The outbox dispatcher failed; retrying");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7)))), stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
