using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Api.Pages.Shared;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Pages.Sign;

/// <summary>
/// What an invited organisation sees behind its link: the exact text in the language it chooses, and the forms to sign
/// (correcting its name if need be), decline, confirm a changed text or withdraw. Signed, the page is the receipt.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.Overload.Signing)]
public sealed class InvitationModel(IStringLocalizer<Texts> t) : WorkflowPage
{
    public sealed class SignForm
    {
        public string? OrganisationName { get; set; }
        public string? OrganisationNameEnglish { get; set; }
        public string? OrganisationAcronym { get; set; }
        public string SignerName { get; set; } = "";
        public string? SignerRole { get; set; }
        public string? TextHash { get; set; }
        public string? Lang { get; set; }
    }

    public InvitationView View { get; private set; } = null!;
    public IReadOnlyList<TextToRead> Texts { get; private set; } = [];
    public TextToRead Shown { get; private set; } = null!;
    public string? CannotSign { get; private set; }

    [BindProperty] public SignForm Sign { get; set; } = new();

    public async Task OnGetAsync(string token, string? lang, CancellationToken ct) =>
        Show(await Mediator.Send(new OpenInvitation(token), ct), lang);

    public Task<IActionResult> OnPostSignAsync(string token, CancellationToken ct) => AttemptAsync(async () =>
    {
        var nameAs = OptionalText.TrimmedOrNull(Sign.OrganisationName) is { } name
            ? new CorrectedName(name, OptionalText.TrimmedOrNull(Sign.OrganisationNameEnglish),
                OptionalText.TrimmedOrNull(Sign.OrganisationAcronym)) : null;
        await Mediator.Send(new SignInvitation(token, Sign.SignerName, OptionalText.TrimmedOrNull(Sign.SignerRole), Sign.TextHash ?? "",
            nameAs), ct);
        Notice = t["Thank you: your signature is recorded."];
        return RedirectToPage(new { token, lang = Sign.Lang });
    }, () => LoadAsync(token, Sign.Lang, ct));

    public Task<IActionResult> OnPostDeclineAsync(string token, string? reason, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new DeclineInvitation(token, OptionalText.TrimmedOrNull(reason)), ct);
        Notice = t["Your answer is recorded: you declined. The drafters are told."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, null, ct));

    public Task<IActionResult> OnPostReconfirmAsync(string token, string textHash, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new ReconfirmByInvitation(token, textHash ?? ""), ct);
        Notice = t["Thank you: your signature now stands for the new text."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, null, ct));

    public Task<IActionResult> OnPostWithdrawAsync(string token, string? note, CancellationToken ct) => AttemptAsync(async () =>
    {
        await Mediator.Send(new WithdrawSignature(token, OptionalText.TrimmedOrNull(note)), ct);
        Notice = t["Your signature is withdrawn: it is no longer on the list."];
        return RedirectToPage(new { token });
    }, () => LoadAsync(token, null, ct));

    private async Task LoadAsync(string token, string? lang, CancellationToken ct) =>
        Show(await Mediator.Send(new ViewInvitation(token), ct), lang);

    private void Show(InvitationView view, string? lang)
    {
        // The page holds a personal link's answers: never kept by a shared cache or the browser's history cache.
        Response.Headers.CacheControl = "no-store";
        View = view;
        Texts = [new TextToRead(View.StatementLanguage, View.Version.Title, View.Version.BodyHtml, View.Version.Number,
            View.Version.TextHash, false),
            .. View.Translations.Select(x => new TextToRead(x.Language, x.Title, x.BodyHtml, x.Number, x.TextHash, true))];
        // Without a choice, the text in the reader's own language if there is one.
        Shown = TextToRead.Choose(Texts, lang ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        CannotSign = View.StatementState switch
        {
            "Draft" => t["The statement is still being drafted: you can read it, and sign once it is opened for signature."],
            "Closed" => t["The statement is closed to new signatures."],
            "Withdrawn" => t["The statement was withdrawn by its drafters."],
            _ when View.Status == "Expired" => t["This invitation expired at its deadline. Ask the drafters for a new one."],
            _ => View.CannotSignReason,
        };
    }
}
