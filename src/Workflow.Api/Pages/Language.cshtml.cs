using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Api.Hosting;

namespace Workflow.Api.Pages;

/// <summary>
/// The language switch: a plain link (no form), so that public pages carry no per-visitor token and can be cached.
/// It only records a preference in a cookie and returns to the page it came from.
/// </summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        var chosen = WebPages.Languages.FirstOrDefault(c => c.Name == culture);
        if (chosen is not null)
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), Secure = Request.IsHttps, HttpOnly = true,
                SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
