using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Core.Endorsements;

namespace Workflow.Infrastructure.Messaging;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";
    /// <summary>How long before a deadline reminders go out.</summary>
    public List<TimeSpan> Offsets { get; set; } = [];
    /// <summary>At most this many reminders per invitation.</summary>
    public int MaxPerInvitation { get; set; } = 2;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public bool Enabled { get; set; } = true;

    /// <summary>7 days and 1 day before the deadline, unless configured.</summary>
    public IReadOnlyList<TimeSpan> EffectiveOffsets => Offsets.Count > 0 ? Offsets : [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
}

/// <summary>
/// Runs the reminder schedule every poll interval. The schedule lives in the database (deadlines, reminders sent),
/// not in memory, so a restart loses nothing and repeats nothing.
/// </summary>
internal sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new SendDueReminders(settings.EffectiveOffsets, settings.MaxPerInvitation), stoppingToken);
                if (result.Reminded + result.Expired > 0)
                    log.LogInformation("Sent {Reminded} reminders; {Expired} invitations expired", result.Reminded, result.Expired);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The reminder schedule failed; it runs again at the next interval");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
