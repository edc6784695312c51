using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Collaboration;

namespace Workflow.Api.Pages.Join;

/// <summary>The link e-mailed to a future co-drafter: signed in (with an account made on the way if need be), they accept.</summary>
public sealed class JoinModel : WorkflowPage
{
    public CollaborationView Collaboration { get; private set; } = null!;

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Collaboration = await Mediator.Send(new GetCollaboration(token), ct);
    }

    public Task<IActionResult> OnPostAsync(string token, CancellationToken ct) => AttemptAsync(async () =>
    {
        var joined = await Mediator.Send(new AcceptCollaboration(token, UserId), ct);
        return Redirect($"/drafts/{joined.StatementId}");
    }, () => OnGetAsync(token, ct));
}
