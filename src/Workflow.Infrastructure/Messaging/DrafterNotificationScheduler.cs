using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Core.Data;
using Workflow.Core.Notifications;
using Workflow.Infrastructure.Email;

namespace Workflow.Infrastructure.Messaging;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>The hour (UTC, 0-23) of the daily run: the summaries go out and approaching deadlines are looked for.</summary>
    public int DigestHourUtc { get; set; } = 7;
    /// <summary>How many days before a deadline its drafters are warned while invitations are open.</summary>
    public List<int> DeadlineWarningDays { get; set; } = [];
    /// <summary>How often the service looks whether the day's run is due (and catches up one it missed while down).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public bool Enabled { get; set; } = true;

    /// <summary>3 days and 1 day before, unless configured.</summary>
    public IReadOnlyList<int> EffectiveWarningDays => DeadlineWarningDays.Count > 0 ? DeadlineWarningDays : [3, 1];
}

/// <summary>
/// The drafters' daily run, once a day at <see cref="NotificationOptions.DigestHourUtc"/>: first the deadlines that
/// approach with invitations open (told to each drafter as they chose), then each person's summary of what waits for
/// it. Both are keyed by the day in the inbox (<c>ProcessedMessages</c>), saved with what they did: a restart runs a
/// day's work that did not finish and repeats none that did; a day with nothing for a person sends them nothing.
/// </summary>
internal sealed class DrafterNotificationScheduler(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<DrafterNotificationScheduler> log) : BackgroundService
{
    public const string DeadlineCheck = "drafter-deadline-check";
    public const string Digest = "drafter-digest";
    /// <summary>Recorded when a day's run has done all it had to (nothing else depends on it: it says so to whoever looks).</summary>
    public const string Completed = "drafter-daily-run";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                await RunDueAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The drafters' daily notifications failed; they are tried again at the next interval");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>The latest daily run at or before now: today's at the hour, or yesterday's before it.</summary>
    public static DateTimeOffset LatestRun(DateTimeOffset now, int hourUtc)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(Math.Clamp(hourUtc, 0, 23));
        return today <= now ? today : today.AddDays(-1);
    }

    private async Task RunDueAsync(NotificationOptions settings, CancellationToken ct)
    {
        var run = LatestRun(clock.GetUtcNow(), settings.DigestHourUtc);
        var day = DateOnly.FromDateTime(run.UtcDateTime);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WorkflowDb>();
        var sender = services.GetRequiredService<IEmailSender>();
        var mail = new DrafterNotificationMail(services.GetRequiredService<EmailLinks>(),
            services.GetRequiredService<IOptions<EmailOptions>>().Value.From);

        var checkKey = DrafterNotificationMail.KeyFor($"{DeadlineCheck}/{day:yyyy-MM-dd}");
        if (!await db.AlreadyProcessedAsync(checkKey, DeadlineCheck, ct))
        {
            var messages = new List<MimeKit.MimeMessage>();
            foreach (var notice in await db.ApproachingDeadlinesAsync(run, clock.GetUtcNow(), settings.EffectiveWarningDays, ct))
                messages.AddRange(mail.Deliver(db, notice, await db.RecipientsAsync(notice.StatementId, ct)));
            await sender.SendOnceAsync(db, checkKey, DeadlineCheck, messages, clock.GetUtcNow(), ct);
            if (messages.Count > 0) log.LogInformation("Warned drafters of approaching deadlines in {Count} e-mails", messages.Count);
        }

        // A summary holds what happened up to its run; what came after waits for the next one.
        var waiting = await db.PendingDigestItems.Where(i => i.OccurredAt <= run).Select(i => i.UserId).Distinct().ToListAsync(ct);
        foreach (var userId in waiting)
        {
            var digestKey = DrafterNotificationMail.KeyFor($"{Digest}/{userId}/{day:yyyy-MM-dd}");
            // Sent today already: what came in late waits for tomorrow's.
            if (await db.AlreadyProcessedAsync(digestKey, Digest, ct)) continue;
            var items = await db.PendingDigestItems.Where(i => i.UserId == userId && i.OccurredAt <= run).ToListAsync(ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.EmailConfirmed })
                .SingleOrDefaultAsync(ct);
            var settingsOfUser = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct);
            db.PendingDigestItems.RemoveRange(items);
            // Someone who chose no notifications since, or whose account or address is gone, gets nothing; the items go.
            // Who switched to each event still gets the summary of what waited.
            var messages = user is { Email: { } email, EmailConfirmed: true }
                && settingsOfUser is { Delivery: not NotificationDelivery.None }
                ? [mail.Digest(items.OrderBy(i => i.OccurredAt).Select(i => i.Notice).ToList(),
                    new NoticeRecipient(userId, email, settingsOfUser.Delivery, settingsOfUser.Language), day)]
                : Array.Empty<MimeKit.MimeMessage>();
            await sender.SendOnceAsync(db, digestKey, Digest, messages, clock.GetUtcNow(), ct);
            db.ChangeTracker.Clear();
        }

        var completedKey = DrafterNotificationMail.KeyFor($"{Completed}/{day:yyyy-MM-dd}");
        if (!await db.AlreadyProcessedAsync(completedKey, Completed, ct)) await db.SaveProcessedAsync(completedKey, Completed,
            clock.GetUtcNow(), ct);
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
