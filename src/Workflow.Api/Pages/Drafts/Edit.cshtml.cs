using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>The editor: the latest text with a Markdown preview, saving new versions, and the statement's lifecycle.</summary>
public sealed class EditModel(IStringLocalizer<Texts> t) : DraftPage
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public int BaseVersion { get; set; }

    public string PreviewHtml { get; private set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        (Title, Body, BaseVersion, PreviewHtml) = (Statement.LatestVersion.Title, Statement.LatestVersion.Body, Statement.LatestVersion.Number, Statement.LatestVersion.BodyHtml);
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) => AttemptAsync(async () =>
    {
        var saved = await Mediator.Send(new ReviseDraft(UserId, id, Title, Body, BaseVersion, Blank(ChangeNote)), ct);
        Notice = t["Saved as version {0}.", saved.Number];
        return Redirect($"/drafts/{id}");
    }, () => KeepWhatWasTypedAsync(id, ct));

    /// <summary>Without JavaScript: the page again, with the typed text rendered below it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        await KeepWhatWasTypedAsync(id, ct);
        return Page();
    }

    /// <summary>With JavaScript: just the rendered text, for the live preview beside the editor.</summary>
    public async Task<IActionResult> OnPostPreviewFragmentAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        return Content(Render(Body), "text/html; charset=utf-8");
    }

    private async Task KeepWhatWasTypedAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        PreviewHtml = Render(Body);
    }

    private static string Render(string markdown) => MarkdownRenderer.CanRender(markdown) ? MarkdownRenderer.ToSafeHtml(markdown) : "";
}
