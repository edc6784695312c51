using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Workflow.Core.Data;
using Workflow.Core.Notifications;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// The drafters' notifications as e-mails, in each recipient's language. Plain text; every organisation name comes
/// from outside and stands on a line of its own, flattened to one line (and to no header) before it gets here.
/// </summary>
public sealed class DrafterNotificationMail(EmailLinks links, string from)
{
    /// <summary>
    /// What one notice means for its recipients: an e-mail now for those who want each event, an item of tomorrow's
    /// summary (added to <paramref name="db"/>, saved with the caller's inbox entry) for those who want a summary.
    /// </summary>
    public List<MimeMessage> Deliver(WorkflowDb db, DrafterNotice notice, IEnumerable<NoticeRecipient> recipients)
    {
        var messages = new List<MimeMessage>();
        foreach (var recipient in recipients)
        {
            switch (recipient.Delivery)
            {
                case NotificationDelivery.EachEvent:
                    messages.Add(Single(notice, recipient));
                    break;
                case NotificationDelivery.DailyDigest:
                    db.PendingDigestItems.Add(notice.ForDigestOf(recipient.UserId));
                    break;
            }
        }
        return messages;
    }

    public MimeMessage Single(DrafterNotice notice, NoticeRecipient recipient)
    {
        var t = new EmailTexts(recipient.Language);
        var title = notice.StatementTitle;
        var campaign = CampaignPage(notice.StatementId);
        var (subject, body) = notice.Kind switch
        {
            NoticeKind.Signed => (t["New signature: {0}", title], $"""
                {t["This organisation signed the statement \"{0}\":", title]}

                {notice.OrganisationName}

                {t["The campaign page:"]} {campaign}
                """),
            NoticeKind.Declined => (t["Invitation declined: {0}", title], $"""
                {t["This organisation declined the invitation to sign the statement \"{0}\":", title]}

                {notice.OrganisationName}

                {(notice.Detail is null ? t["They gave no reason."] : $"{t["Their reason:"]}\n\n{notice.Detail}")}

                {t["The campaign page:"]} {campaign}
                """),
            NoticeKind.SignOnAwaitsApproval => (t["Sign-on awaiting your approval: {0}", title], $"""
                {t["This organisation asks, through the public form, to sign the statement \"{0}\" and awaits approval:", title]}

                {notice.OrganisationName}

                {t["Approve or reject it on the campaign page:"]} {campaign}
                """),
            NoticeKind.DeadlineApproaching => (t["Signature deadline approaching: {0}", title], $"""
                {t["The signature deadline of the statement \"{0}\" is {1}. These invited organisations have not answered yet:", title,
                    When(t, notice.Deadline!.Value)]}

                {OpenInvitations(t, notice)}

                {t["The campaign page:"]} {campaign}
                """),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, null),
        };
        return EmailOnce.PlainText(from, new MailboxAddress(recipient.Email, recipient.Email), subject, body + Footer(t));
    }

    /// <summary>One e-mail with every notice a day brought, by statement, oldest first.</summary>
    public MimeMessage Digest(IReadOnlyList<DrafterNotice> notices, NoticeRecipient recipient, DateOnly day)
    {
        var t = new EmailTexts(recipient.Language);
        var body = new StringBuilder();
        body.Append(t["What happened on your statements since the last summary:"]).Append('\n');
        foreach (var statement in notices.GroupBy(n => n.StatementId).OrderBy(g => g.Min(n => n.OccurredAt)))
        {
            body.Append('\n').Append(statement.First().StatementTitle).Append('\n');
            foreach (var notice in statement.OrderBy(n => n.OccurredAt))
            {
                body.Append("  ").Append(notice.Kind switch
                {
                    NoticeKind.Signed => t["Signed: {0}", notice.OrganisationName],
                    NoticeKind.Declined => t["Declined: {0}", notice.OrganisationName],
                    NoticeKind.SignOnAwaitsApproval => t["Awaiting your approval: {0}", notice.OrganisationName],
                    NoticeKind.DeadlineApproaching =>
                        t["Signature deadline {0}; invitations still open: {1}", When(t, notice.Deadline!.Value), notice.Count],
                    _ => notice.Kind.ToString(),
                }).Append('\n');
                if (notice.Kind == NoticeKind.Declined && notice.Detail is { } reason)
                    body.Append("    ").Append(t["Reason: {0}", Core.Common.SingleLineText.Flatten(reason)]).Append('\n');
            }
            body.Append("  ").Append(CampaignPage(statement.Key)).Append('\n');
        }
        var subject = t["Daily summary of your statements: {0}", day.ToString("d MMMM yyyy", t.Culture)];
        return EmailOnce.PlainText(from, new MailboxAddress(recipient.Email, recipient.Email), subject, body + Footer(t));
    }

    /// <summary>A key for a message nobody published (a day's summary, a day's deadline check), the same every time it is made.</summary>
    public static Guid KeyFor(string what) => new(SHA256.HashData(Encoding.UTF8.GetBytes(what)).AsSpan(0, 16));

    private string Footer(EmailTexts t) => $"""


        -- 
        {t["You receive this as a drafter of the statement. Choose each event, a daily summary or none on your account page:"]} {links.Link("/account")}
        Workflow
        """;

    private string CampaignPage(Guid statementId) => links.Link($"/drafts/{statementId}/campaign");

    private static string When(EmailTexts t, DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("d MMMM yyyy, HH:mm", t.Culture) + " UTC";

    private static string OpenInvitations(EmailTexts t, DrafterNotice notice)
    {
        var names = string.Join('\n', notice.OpenInvitations);
        return notice.Count > notice.OpenInvitations.Count
            ? $"{names}\n{t["and {0} more", notice.Count - notice.OpenInvitations.Count]}" : names;
    }
}
