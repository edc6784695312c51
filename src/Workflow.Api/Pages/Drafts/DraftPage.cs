using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>A page about one of my statements: it loads the statement (which checks my role) for the header and tabs.</summary>
public abstract class DraftPage : WorkflowPage
{
    public StatementDetails Statement { get; private set; } = null!;

    /// <summary>My role on the statement; the pages show a control only to the roles whose requests it sends may use it.</summary>
    public StatementRole? Role => Enum.TryParse<StatementRole>(Statement.YourRole, out var role) ? role : null;

    /// <summary>Whether I see the statement's personal data: e-mail addresses, the moderation queue, the audit log.</summary>
    public bool SeesPersonalData => PersonalData.IsSeenBy(Role);

    /// <summary>Comments, replies, amendments proposed: from commenters up.</summary>
    public bool MayComment => Role >= StatementRole.Commenter;

    /// <summary>New versions, translations, amendments accepted or rejected, anyone's comment resolved: from editors up.</summary>
    public bool MayEdit => Role >= StatementRole.Editor;

    /// <summary>The lifecycle, the invitations and the sign-ons: the owners, who run the statement.</summary>
    public bool RunsStatement => Role >= StatementRole.Owner;

    protected async Task LoadStatementAsync(Guid id, CancellationToken ct) =>
        Statement = await Mediator.Send(new GetStatement(UserId, id), ct);

    /// <summary>
    /// Makes a change from one of the statement's tabs: once it is made, the browser is sent to <paramref name="tab"/> and the
    /// notice the change returns is shown there; if it fails for a reason the person can act on, <paramref name="reload"/> loads
    /// the page again to show it with the reason (<see cref="WorkflowPage.AttemptAsync"/>).
    /// </summary>
    protected Task<IActionResult> ChangeAsync(string tab, Func<Task<string>> change, Func<Task> reload) => AttemptAsync(async () =>
    {
        Notice = await change();
        return Redirect(tab);
    }, reload);
}
