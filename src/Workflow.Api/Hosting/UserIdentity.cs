using System.Security.Claims;

namespace Workflow.Api.Hosting;

public static class UserIdentity
{
    /// <summary>The signed-in user's account id; endpoints that call this require authorization.</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The endpoint must require a signed-in user.");
}
