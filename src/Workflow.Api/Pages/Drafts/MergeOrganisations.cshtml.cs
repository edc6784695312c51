using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Organisations;

namespace Workflow.Api.Pages.Drafts;

/// <summary>
/// Merging two records of the directory that are one organisation. The drafter finds both (search), sees them side by
/// side with what would move either way, chooses which record stays, and confirms on a step that names both. Who may
/// merge is the use case's rule: the page offers only the merges it would allow and says why the others are refused.
/// </summary>
public sealed class MergeOrganisationsModel(IStringLocalizer<Texts> t) : WorkflowPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? First { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Second { get; set; }
    /// <summary>The record chosen to stay (First or Second): the page then asks to confirm.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Keep { get; set; }

    public IReadOnlyList<DirectoryEntry>? Found { get; private set; }
    public OrganisationRecord? FirstRecord { get; private set; }
    public OrganisationRecord? SecondRecord { get; private set; }
    /// <summary>Merging Second into First, and First into Second.</summary>
    public MergePreview? IntoFirst { get; private set; }
    public MergePreview? IntoSecond { get; private set; }
    public MergePreview? Confirming => Keep == First ? IntoFirst : Keep == Second ? IntoSecond : null;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostMergeAsync(Guid survivorId, Guid duplicateId, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(async () =>
            {
                var merged = await Mediator.Send(new MergeOrganisations(UserId, survivorId, duplicateId), ct);
                var twin = merged.MergedFrom.LastOrDefault(m => m.Id == duplicateId);
                Notice = t["{0} is merged into {1}.", twin?.Name ?? "", merged.Organisation.Name];
                return Redirect($"/drafts/organisations/merge?first={survivorId}");
            }, () => LoadAsync(ct));
        }
        catch (ForbiddenException e)
        {
            // A merge the drafter may not make is explained on the page, as the preview explains it.
            ModelState.AddModelError(string.Empty, e.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>This page with the given choices, keeping the others.</summary>
    public string Link(Guid? first = null, Guid? second = null, Guid? keep = null, bool keepSearch = true)
    {
        var query = new List<string>();
        if (keepSearch && !string.IsNullOrWhiteSpace(Q)) query.Add("q=" + Uri.EscapeDataString(Q));
        if ((first ?? First) is { } f) query.Add("first=" + f);
        if ((second ?? Second) is { } s) query.Add("second=" + s);
        if (keep is { } k) query.Add("keep=" + k);
        return "/drafts/organisations/merge" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            try
            {
                Found = await Mediator.Send(new SearchOrganisations(UserId, Q.Trim(), null), ct);
            }
            catch (FluentValidation.ValidationException e)
            {
                foreach (var failure in e.Errors) ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        if (First is { } first) FirstRecord = await Mediator.Send(new GetOrganisation(UserId, first), ct);
        if (Second is { } second && second != First) SecondRecord = await Mediator.Send(new GetOrganisation(UserId, second), ct);
        if (FirstRecord is not null && SecondRecord is not null)
        {
            IntoFirst = await Mediator.Send(new PreviewMerge(UserId, First!.Value, Second!.Value), ct);
            IntoSecond = await Mediator.Send(new PreviewMerge(UserId, Second!.Value, First!.Value), ct);
        }
    }
}
