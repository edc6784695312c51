using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

public sealed class NewModel : WorkflowPage
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Language { get; set; } = "en";
    [BindProperty] public string Body { get; set; } = "";
    [BindProperty] public bool AllowsFurtherSignatories { get; set; } = true;

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AttemptAsync(async () =>
    {
        var created = await Mediator.Send(new CreateStatement(UserId, Title, Body, Language.Trim(), AllowsFurtherSignatories), ct);
        return Redirect($"/drafts/{created.Id}");
    }, () => Task.CompletedTask);
}
