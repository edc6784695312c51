using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflow.Api.Pages.Account;

public sealed class CheckEmailModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        if (ReturnUrl is not null && !Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
    }
}
