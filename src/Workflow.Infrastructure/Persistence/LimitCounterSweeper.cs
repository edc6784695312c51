using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Core.Limits;

namespace Workflow.Infrastructure.Persistence;

public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>How often the counters of ended windows are deleted (by every instance; deleting twice is harmless).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Deletes the shared limits' counters whose window has ended, so that the table holds only the current windows.</summary>
internal sealed class LimitCounterSweeper(DatabaseSharedLimits limits, IOptions<LimitOptions> options,
    ILogger<LimitCounterSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var swept = await limits.SweepExpiredAsync(stoppingToken);
                    if (swept > 0) log.LogDebug("Deleted {Count} expired limit counters", swept);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Deleting expired limit counters failed; it is tried again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
