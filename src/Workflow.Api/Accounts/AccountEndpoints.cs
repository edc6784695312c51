using Microsoft.AspNetCore.Authorization;
using Workflow.Core.Accounts;

namespace Workflow.Api.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// ASP.NET Core Identity's API endpoints under /api/auth: register, login (returns a bearer token),
    /// refresh, confirmEmail, forgotPassword, resetPassword, manage/2fa, manage/info.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapIdentityApi<WorkflowUser>();
        // Identity marks only its /manage routes as needing a user; the others (register, login, refresh,
        // e-mail confirmation, password reset) are open by design, and are marked so explicitly.
        ((IEndpointConventionBuilder)auth).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IAuthorizeData>().Any()) endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
    }
}
