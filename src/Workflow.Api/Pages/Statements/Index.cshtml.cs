using Workflow.Core.Publishing;

namespace Workflow.Api.Pages.Statements;

public sealed class IndexModel : WorkflowPage
{
    public IReadOnlyList<PublishedStatementSummary> Statements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Statements = await Mediator.Send(new ListPublishedStatements(), ct);
}
