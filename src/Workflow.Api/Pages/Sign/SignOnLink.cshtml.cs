using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Pages.Sign;

/// <summary>
/// The link e-mailed to someone who used the open sign-on form: confirming takes a button press (a mail scanner that
/// follows links confirms nothing); later the same link shows the signature, and serves to confirm a changed text or withdraw.
/// </summary>
public sealed class SignOnLinkModel(IStringLocalizer<Texts> t) : WorkflowPage
{
    public SignOnStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public Task<IActionResult> OnPostConfirmAsync(string token, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new ConfirmSignOn(token), ct);
        Notice = t["Thank you: your sign-on is confirmed."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, ct));

    public Task<IActionResult> OnPostReconfirmAsync(string token, string? textHash, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new ReconfirmBySignOn(token, textHash ?? ""), ct);
        Notice = t["Thank you: your signature now stands for the new text."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, ct));

    public Task<IActionResult> OnPostWithdrawAsync(string token, string? note, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new WithdrawBySignOn(token, OptionalText.TrimmedOrNull(note)), ct);
        Notice = t["Your signature is withdrawn: it is no longer on the list."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, ct));

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Status = await Mediator.Send(new GetSignOnByToken(token), ct);
    }
}
