using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Pages.Drafts;

/// <summary>
/// The signature deadline (an instant; typed as a date and time in a time zone the drafter chooses) and the reminder
/// schedule this service applies to it. Owners set, change or remove it; every member sees it.
/// </summary>
public sealed class DeadlineModel(IStringLocalizer<Texts> t, IOptions<ReminderOptions> reminderOptions, TimeProvider clock) : DraftPage
{
    public const string Utc = "UTC";

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Time { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zone { get; set; }

    public DateTimeOffset? SignatureDeadline { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public TimeZoneInfo ShownZone { get; private set; } = TimeZoneInfo.Utc;
    public bool RemindersEnabled => reminderOptions.Value.Enabled;
    public ReminderSchedule Reminders { get; } = ReminderSchedule.Of(reminderOptions.Value.EffectiveOffsets,
        reminderOptions.Value.MaxPerInvitation);
    public IReadOnlyList<TimeZoneInfo> Zones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.Id != Utc && z.Id.Contains('/')).ToList();

    /// <summary>Only owners set the deadline, while the statement still takes invitations.</summary>
    public bool SetsDeadline => Statement.YourRole == nameof(StatementRole.Owner)
        && Statement.State is "Draft" or "OpenForSignature" or "Published";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (SignatureDeadline is { } deadline)
        {
            var local = TimeZoneInfo.ConvertTime(deadline, ShownZone);
            (Date, Time) = (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
        }
    }

    public Task<IActionResult> OnPostSetAsync(Guid id, CancellationToken ct) => AttemptAsync(async () =>
    {
        ShownZone = ZoneNamed(Zone) ?? throw new DomainRuleException(nameof(Zone), t["Choose a time zone from the list."]);
        if (Date is not { } date) throw new DomainRuleException(nameof(Date), t["Give the day of the deadline."]);
        var local = date.ToDateTime(Time ?? new TimeOnly(23, 59));
        if (ShownZone.IsInvalidTime(local))
            throw new DomainRuleException(nameof(Time), t["{0} does not exist in {1}: the clocks change then. Choose another time.",
                local.ToString("HH:mm", CultureInfo.CurrentCulture), ShownZone.Id]);
        var deadline = new DateTimeOffset(local, ShownZone.GetUtcOffset(local));
        if (deadline <= clock.GetUtcNow())
            throw new DomainRuleException(nameof(Date), t["The deadline must lie in the future; it is now {0}.", Shown(clock.GetUtcNow())]);
        await Mediator.Send(new SetSignatureDeadline(UserId, id, deadline), ct);
        Notice = t["Signatures are now due by {0}.", Shown(deadline)];
        return Redirect(Here(id));
    }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostClearAsync(Guid id, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new SetSignatureDeadline(UserId, id, null), ct);
        Notice = t["The deadline is removed: invitations stay open and nobody is reminded."];
        return Redirect(Here(id));
    }, () => LoadAsync(id, ct));

    /// <summary>An instant as the page shows it: in the chosen zone, naming the zone, and in UTC beside it.</summary>
    public string Shown(DateTimeOffset instant)
    {
        var utc = Shared.InterfaceDates.DayAndTime(instant.ToUniversalTime());
        if (ShownZone == TimeZoneInfo.Utc) return utc;
        var local = TimeZoneInfo.ConvertTime(instant, ShownZone);
        return $"{Shared.InterfaceDates.DayAndClock(local)} {ShownZone.Id} (UTC{local:zzz}; {utc})";
    }

    /// <summary>A zone's offset from UTC now, e.g. UTC+01:00, for the list of zones.</summary>
    public string OffsetNow(TimeZoneInfo zone) => "UTC" + TimeZoneInfo.ConvertTime(Now, zone).ToString("zzz", CultureInfo.InvariantCulture);

    /// <summary>How long before the deadline, in words: "7 days", "1 day", "12 hours".</summary>
    public string Before(TimeSpan offset) => offset switch
    {
        { TotalDays: 1 } => t["1 day"],
        { Hours: 0, Minutes: 0, Seconds: 0 } => t["{0} days", (int)offset.TotalDays],
        { TotalHours: 1 } => t["1 hour"],
        { Minutes: 0, Seconds: 0 } => t["{0} hours", (int)offset.TotalHours],
        _ => t["{0} minutes", (int)Math.Round(offset.TotalMinutes)],
    };

    private static TimeZoneInfo? ZoneNamed(string? id) =>
        string.IsNullOrEmpty(id) || id == Utc ? TimeZoneInfo.Utc
        : id.Contains('/') && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private string Here(Guid id) => $"/drafts/{id}/deadline" + (ShownZone == TimeZoneInfo.Utc ? ""
        : "?zone=" + Uri.EscapeDataString(ShownZone.Id));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        SignatureDeadline = (await Mediator.Send(new GetCampaign(UserId, id), ct)).SignatureDeadline;
        Now = clock.GetUtcNow();
        // A zone that is not known (typed into the address) is shown as UTC; only the form refuses it.
        ShownZone = ZoneNamed(Zone) ?? TimeZoneInfo.Utc;
        Zone = ShownZone == TimeZoneInfo.Utc ? Utc : ShownZone.Id;
    }
}
