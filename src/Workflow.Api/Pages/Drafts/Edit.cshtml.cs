using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Api.Pages.Drafts;

/// <summary>The editor: the latest text with a Markdown preview, saving new versions, and the statement's lifecycle.</summary>
public sealed class EditModel(IStringLocalizer<Texts> t) : DraftPage
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public int BaseVersion { get; set; }
    /// <summary>Sent only by the button under the warning: the number of signatures the person agreed to ask to re-confirm.</summary>
    [BindProperty] public int? AcknowledgedReconfirmations { get; set; }

    public string PreviewHtml { get; private set; } = "";
    /// <summary>The save was held back: this many signatures would need re-confirmation, and <see cref="ChangeToSave"/> is what would
    /// change.</summary>
    public int? ReconfirmationsToAcknowledge { get; private set; }
    public IReadOnlyList<DiffRun> ChangeToSave { get; private set; } = [];
    /// <summary>The save was refused: someone saved a newer version since the form was loaded; this is their change.</summary>
    public TextDiffView? OthersChange { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        (Title, Body, BaseVersion, PreviewHtml) = (Statement.LatestVersion.Title, Statement.LatestVersion.Body,
            Statement.LatestVersion.Number, Statement.LatestVersion.BodyHtml);
    }

    /// <summary>
    /// Saves, unless the save would ask signatures to re-confirm and the person has not agreed to that number yet, or someone
    /// else saved meanwhile: then the page comes back with the typed text, and the warning or the other person's change.
    /// </summary>
    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct) => AttemptAsync(async () =>
    {
        try
        {
            var saved = await Mediator.Send(new ReviseDraft(UserId, id, Title, Body, BaseVersion, OptionalText.TrimmedOrNull(ChangeNote),
                AcknowledgedReconfirmations ?? 0), ct);
            Notice = t["Saved as version {0}.", saved.Number];
            return Redirect($"/drafts/{id}");
        }
        catch (ConflictException e) when (e.Extensions.GetValueOrDefault(TextChanges.ReconfirmationsKey) is int count)
        {
            await KeepWhatWasTypedAsync(id, ct);
            ReconfirmationsToAcknowledge = count;
            var latest = Statement.LatestVersion;
            // Browsers send a textarea's line breaks as CRLF: compared as they are, every line would look changed.
            ChangeToSave = TextDiff.Runs(TextDiff.Of(latest.Title, latest.Body).ReplaceLineEndings("\n"), TextDiff.Of(Title.Trim(), Body)
                .ReplaceLineEndings("\n"));
            return Page();
        }
        catch (ConflictException e) when (e.Extensions.GetValueOrDefault("diff") is TextDiffView theirs)
        {
            await KeepWhatWasTypedAsync(id, ct);
            ModelState.AddModelError(string.Empty, t["Someone else saved version {0} while you were editing. Their change is shown below and your text is kept in the editor: compare, adjust your text if need be, and save again.", theirs.To]);
            OthersChange = theirs;
            // The next save is based on the version now shown as theirs, so it is not refused again.
            BaseVersion = theirs.To;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
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
