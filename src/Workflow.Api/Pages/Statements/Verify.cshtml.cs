using Workflow.Core.Publishing;

namespace Workflow.Api.Pages.Statements;

/// <summary>
/// What the proof of a list shows, for people: the checks the server ran on its own rows, the signed tree head to keep,
/// and how to check the list without trusting the server. Computed afresh on every visit, never cached.
/// </summary>
public sealed class VerifyModel : WorkflowPage
{
    public ListVerification Verification { get; private set; } = null!;

    public async Task OnGetAsync(string slug, CancellationToken ct) =>
        Verification = await Mediator.Send(new VerifySignatoryList(slug), ct);
}
