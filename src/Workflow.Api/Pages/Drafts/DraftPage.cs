using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>A page about one of my statements: it loads the statement (which checks my role) for the header and tabs.</summary>
public abstract class DraftPage : WorkflowPage
{
    public StatementDetails Statement { get; private set; } = null!;

    protected async Task LoadStatementAsync(Guid id, CancellationToken ct) => Statement = await Mediator.Send(new GetStatement(UserId, id), ct);
}
