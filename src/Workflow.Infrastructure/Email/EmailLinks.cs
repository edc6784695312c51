using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Workflow.Infrastructure.Hosting;

namespace Workflow.Infrastructure.Email;

/// <summary>
/// Turns a token that an event carries encrypted into the link an e-mail shows: only the e-mail consumers may
/// decrypt it, and the link starts with the address people reach the service at (PublicBaseUrl).
/// </summary>
public sealed class EmailLinks(IDataProtectionProvider dataProtection, IOptions<PublicSiteOptions> site)
{
    /// <param name="path">The path (and query) after the address, starting with a slash: /account, /drafts/….</param>
    public string Link(string path) => site.Value.Link(path);

    /// <param name="path">The path before the token, such as /sign (the invitation page).</param>
    public string To(string path, string protectedToken) =>
        Link($"{path}/{dataProtection.CreateProtector(DataProtectedLinkTokens.EmailPurpose).Unprotect(protectedToken)}");
}
