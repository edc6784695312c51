using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>The drafter's dashboard: every statement I am a member of, with its state and signature count.</summary>
public sealed class IndexModel : WorkflowPage
{
    public IReadOnlyList<StatementSummary> Statements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Statements = await Mediator.Send(new ListMyStatements(UserId), ct);
}
