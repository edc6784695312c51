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
        auth.AddEndpointFilter(RequiredFieldsArePresent);
        // Identity marks only its /manage routes as needing a user; the others (register, login, refresh,
        // e-mail confirmation, password reset) are open by design, and are marked so explicitly.
        ((IEndpointConventionBuilder)auth).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IAuthorizeData>().Any()) endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
    }

    /// <summary>
    /// Identity's request types declare their fields required but JSON may still send them as null (an e-mail of null
    /// reaches UserManager and throws): such a request is 400 naming each missing field.
    /// </summary>
    private static async ValueTask<object?> RequiredFieldsArePresent(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var missing = context.Arguments
            .Where(argument => argument?.GetType().Namespace == "Microsoft.AspNetCore.Identity.Data")
            .SelectMany(argument => argument!.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(string) && p.GetValue(argument) is null &&
                            p.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0)
                .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToDictionary(name => name, _ => new[] { "This field is required." });
        return missing.Count > 0 ? TypedResults.ValidationProblem(missing) : await next(context);
    }
}
