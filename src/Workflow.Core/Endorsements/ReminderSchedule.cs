using FluentValidation;

namespace Workflow.Core.Endorsements;

/// <summary>
/// When a pending invitation is reminded: at each offset before its deadline (the earliest first), at most so many
/// times; at the deadline it expires.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<TimeSpan> Offsets)
{
    public static ReminderSchedule Of(IEnumerable<TimeSpan> offsets, int maxPerInvitation) =>
        new(offsets.Where(o => o > TimeSpan.Zero).OrderByDescending(o => o).Take(Math.Max(0, maxPerInvitation)).ToList());

    /// <summary>How many reminders are due by now for this deadline.</summary>
    public int DueBy(DateTimeOffset deadline, DateTimeOffset now) => Offsets.Count(offset => deadline - offset <= now);

    /// <summary>When the reminders for this deadline go out, the first first.</summary>
    public IReadOnlyList<DateTimeOffset> TimesFor(DateTimeOffset deadline) => Offsets.Select(offset => deadline - offset).ToList();
}
