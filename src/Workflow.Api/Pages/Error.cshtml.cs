using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Workflow.Api.Pages;

/// <summary>Shown for 403, 404 and other error statuses of pages (the API answers with problem details).</summary>
/// <remarks>A form post refused for its antiforgery token is re-executed here as a post: this page must not refuse it again.</remarks>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<Texts> t) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int status) => Describe(status);
    public void OnPost(int status) => Describe(status);

    private void Describe(int status)
    {
        // Keep the original status: re-execution renders this page for the request that failed.
        (Heading, Explanation) = status switch
        {
            403 => (t["Not allowed"].Value, t["Your account may not see or do this."].Value),
            404 => (t["Not found"].Value, t["There is nothing here, or the link has expired or been replaced by a newer one."].Value),
            429 => (t["Too many requests"].Value, t["Please wait a little and try again."].Value),
            _ => (t["Something went wrong"].Value, t["Please try again later."].Value),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && status is >= 400 and < 600)
            Response.StatusCode = status;
    }
}
