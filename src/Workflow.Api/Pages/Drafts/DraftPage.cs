using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>A page about one of my statements: it loads the statement (which checks my role) for the header and tabs.</summary>
public abstract class DraftPage : WorkflowPage
{
    public StatementDetails Statement { get; private set; } = null!;

    /// <summary>Whether I see the statement's personal data: e-mail addresses, the moderation queue, the audit log.</summary>
    public bool SeesPersonalData => Enum.TryParse<StatementRole>(Statement.YourRole, out var role) && PersonalData.IsSeenBy(role);

    protected async Task LoadStatementAsync(Guid id, CancellationToken ct) => Statement = await Mediator.Send(new GetStatement(UserId, id), ct);
}
