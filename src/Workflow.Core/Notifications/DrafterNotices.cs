using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Notifications;

public enum NoticeKind { Signed, Declined, SignOnAwaitsApproval, DeadlineApproaching }

/// <summary>
/// Something the drafters of a statement are told. The names in it come from outside (an organisation names itself) and
/// are kept to one line each.
/// </summary>
/// <param name="Detail">A decline's reason (as given); for a deadline, the organisations whose invitations are open, one per line.</param>
/// <param name="Deadline">For <see cref="NoticeKind.DeadlineApproaching"/>: the deadline.</param>
/// <param name="Count">For <see cref="NoticeKind.DeadlineApproaching"/>: how many invitations are open (the detail may name fewer).</param>
public sealed record DrafterNotice(
    NoticeKind Kind, Guid StatementId, string StatementTitle, string? OrganisationName, string? Detail, DateTimeOffset? Deadline, int Count,
    DateTimeOffset OccurredAt)
{
    /// <summary>At most this many open invitations are named in a deadline notice.</summary>
    public const int NamesListed = 20;

    public static DrafterNotice Signed(Guid statementId, string title, string organisation, DateTimeOffset at) =>
        new(NoticeKind.Signed, statementId, SingleLineText.Flatten(title), SingleLineText.Flatten(organisation), null, null, 0, at);

    public static DrafterNotice Declined(Guid statementId, string title, string organisation, string? reason, DateTimeOffset at) =>
        new(NoticeKind.Declined, statementId, SingleLineText.Flatten(title), SingleLineText.Flatten(organisation), reason, null, 0, at);

    public static DrafterNotice SignOnAwaitsApproval(Guid statementId, string title, string organisation, DateTimeOffset at) =>
        new(NoticeKind.SignOnAwaitsApproval, statementId, SingleLineText.Flatten(title), SingleLineText.Flatten(organisation), null,
            null, 0, at);

    public static DrafterNotice DeadlineApproaching(Guid statementId, string title, DateTimeOffset deadline,
        IReadOnlyList<string> openInvitations, DateTimeOffset at) =>
        new(NoticeKind.DeadlineApproaching, statementId, SingleLineText.Flatten(title), null,
            string.Join('\n', openInvitations.Take(NamesListed).Select(SingleLineText.Flatten)), deadline, openInvitations.Count, at);

    /// <summary>The organisations a deadline notice names, one per line.</summary>
    public IReadOnlyList<string> OpenInvitations => Kind == NoticeKind.DeadlineApproaching && !string.IsNullOrEmpty(Detail)
        ? Detail.Split('\n') : [];

    public PendingDigestItem ForDigestOf(string userId) => new()
    {
        Id = Guid.CreateVersion7(OccurredAt), UserId = userId, StatementId = StatementId, Kind = Kind, StatementTitle = StatementTitle,
        OrganisationName = OrganisationName, Detail = Detail, Deadline = Deadline, Count = Count, OccurredAt = OccurredAt,
    };
}

/// <summary>A notice waiting for its recipient's daily summary. Kept in the database, so that a restart loses none.</summary>
public sealed class PendingDigestItem
{
    public Guid Id { get; init; }
    public string UserId { get; init; } = "";
    public Guid StatementId { get; init; }
    public NoticeKind Kind { get; init; }
    public string StatementTitle { get; init; } = "";
    public string? OrganisationName { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public int Count { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    public DrafterNotice Notice => new(Kind, StatementId, StatementTitle, OrganisationName, Detail, Deadline, Count, OccurredAt);
}

internal sealed class PendingDigestItemConfiguration : IEntityTypeConfiguration<PendingDigestItem>
{
    public void Configure(EntityTypeBuilder<PendingDigestItem> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.UserId).HasMaxLength(450);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(i => i.StatementTitle).HasMaxLength(Statement.TitleMaxLength);
        b.Property(i => i.OrganisationName).HasMaxLength(1000);
        b.Property(i => i.Detail).HasMaxLength(8000);
        b.HasIndex(i => new { i.UserId, i.OccurredAt });
    }
}

/// <summary>A drafter to tell, with how and in which language.</summary>
public sealed record NoticeRecipient(string UserId, string Email, NotificationDelivery Delivery, string Language);

public static class DrafterNotifications
{
    /// <summary>
    /// Who is told about a statement: its members who see its personal data (owners and editors, <see cref="PersonalData"/>)
    /// as they are now (a removed member is no longer one), with a confirmed address: the service writes to nobody else.
    /// </summary>
    public static async Task<List<NoticeRecipient>> RecipientsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct)
    {
        var rows = await (
            from m in db.Set<StatementMember>()
            join u in db.Users on m.UserId equals u.Id
            join s in db.NotificationSettings on u.Id equals s.UserId into chosen
            from s in chosen.DefaultIfEmpty()
            where m.StatementId == statementId && PersonalData.SeenByRoles.Contains(m.Role) && u.EmailConfirmed && u.Email != null
            select new { u.Id, u.Email, Delivery = (NotificationDelivery?)s.Delivery, Language = s.Language }).ToListAsync(ct);
        return rows.Select(r => new NoticeRecipient(r.Id, r.Email!, r.Delivery ?? NotificationSettings.DefaultDelivery,
            r.Language ?? InterfaceLanguages.Default)).ToList();
    }

    /// <summary>
    /// Whether a daily run at <paramref name="runAt"/> warns of this deadline: for each warning (e.g. 3 days and 1 day
    /// before), the one run in whose day before it the warning point falls. Runs are a day apart, so each warning is
    /// given at exactly one of them.
    /// </summary>
    public static bool WarnsAt(DateTimeOffset deadline, DateTimeOffset runAt, IEnumerable<int> daysBefore) =>
        daysBefore.Where(d => d > 0).Any(d => deadline > runAt.AddDays(d - 1) && deadline <= runAt.AddDays(d));

    /// <summary>
    /// The deadlines the daily run at <paramref name="runAt"/> warns of: per statement that takes signatures, each
    /// deadline still ahead under which invitations are pending, with the organisations still to answer. The notices are
    /// dated at the run, so that the summary of that run holds them.
    /// </summary>
    public static async Task<List<DrafterNotice>> ApproachingDeadlinesAsync(this WorkflowDb db, DateTimeOffset runAt, DateTimeOffset now,
        IReadOnlyList<int> daysBefore, CancellationToken ct)
    {
        var latest = runAt.AddDays(daysBefore.DefaultIfEmpty(0).Max());
        var pending = await (
            from r in db.Invitations.AsNoTracking()
            join s in db.Statements.AsNoTracking() on r.StatementId equals s.Id
            where r.State == InvitationState.Pending && (r.OwnDeadline != null || s.SignatureDeadline != null)
            select new { Invitation = r, Statement = s }).ToListAsync(ct);
        return pending
            .Select(p => (p.Statement, p.Invitation, Deadline: p.Invitation.DeadlineUnder(p.Statement.SignatureDeadline)!.Value))
            .Where(p => p.Statement.AcceptsSignatures && p.Deadline > now && p.Deadline <= latest && WarnsAt(p.Deadline, runAt, daysBefore))
            .GroupBy(p => (p.Statement.Id, p.Deadline))
            .Select(g => DrafterNotice.DeadlineApproaching(g.Key.Id, g.First().Statement.Title, g.Key.Deadline,
                g.Select(p => p.Invitation.InvitedName).Order(StringComparer.Ordinal).ToList(), runAt))
            .ToList();
    }
}
