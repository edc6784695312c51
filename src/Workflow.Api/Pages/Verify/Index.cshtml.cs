using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workflow.Api.Pages.Verify;

/// <summary>
/// Checks a list export in the reader's browser (wwwroot/js/verify-proof.js): the server only serves the page, the
/// script does every computation, so the verdict never comes from the server whose list is checked.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel : PageModel
{
    /// <summary>A list export on this site to fetch (?bundle=/statements/x/proof.json), if one was given.</summary>
    public string? BundleUrl { get; private set; }

    /// <summary>An address was given that is not a path on this site, so it is not fetched.</summary>
    public bool BundleRefused { get; private set; }

    public void OnGet(string? bundle)
    {
        if (string.IsNullOrEmpty(bundle))
            return;
        if (IsPathOnThisSite(bundle))
            BundleUrl = bundle;
        else
            BundleRefused = true;
    }

    // "/x" but neither "//host" nor "/\host", which browsers read as another host.
    private static bool IsPathOnThisSite(string address) =>
        address.Length > 1 && address[0] == '/' && address[1] is not ('/' or '\\') && !address.Any(char.IsControl);
}
