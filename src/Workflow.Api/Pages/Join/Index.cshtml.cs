using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Drafting;
using Workflow.Core.Common;

namespace Workflow.Api.Pages.Join;

/// <summary>
/// The link e-mailed to a future co-drafter: signed in with the account of the invited address (made on the way if need
/// be), they accept. Another account is told which address is needed and offered to sign in with it.
/// </summary>
public sealed class JoinModel : WorkflowPage
{
    public CollaborationView Collaboration { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Token = token;
        Collaboration = await Mediator.Send(new GetCollaboration(token, UserId), ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(async () =>
            {
                var joined = await Mediator.Send(new AcceptCollaboration(token, UserId), ct);
                return Redirect($"/drafts/{joined.StatementId}");
            }, () => OnGetAsync(token, ct));
        }
        catch (ForbiddenException)
        {
            // The page says why (the view's refusal) and offers to sign in with the invited address.
            await OnGetAsync(token, ct);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
    }
}
