using Microsoft.Extensions.Options;
using Workflow.Api.Security;
using Workflow.Core.Limits;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Endorsements;

/// <summary>Marks what submits the public sign-on form, the API's POST and the page: its POSTs count against the per-address
/// limit.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignOnSubmissionAttribute : Attribute;

/// <summary>
/// The public form's limit per client address (OpenSignOn:PerClientAddressPerHour), in the counters every instance shares.
/// Every submission counts, before it is handled: each accepted one sends an e-mail to an address the submitter chose, and
/// nothing in a first submission tells a real organisation from an abuser. Unlike the token links, people behind one
/// shared address do share this limit; an organiser expecting many sign-ons from one network (a conference's Wi-Fi)
/// raises it for the time. Behind a reverse proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that the address is
/// the client's, not the proxy's.
/// </summary>
public sealed class SignOnAddressLimit(ISharedLimits limits, IOptionsMonitor<OpenSignOnOptions> options)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // Reading the form is free.
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<SignOnSubmissionAttribute>() is null)
        {
            await next(http);
            return;
        }
        var rule = new LimitRule("open-sign-on-per-address", options.CurrentValue.PerClientAddressPerHour, TimeSpan.FromHours(1));
        var decision = await limits.HitAsync(rule, ClientAddress.Of(http), http.RequestAborted);
        if (decision.Allowed)
        {
            await next(http);
            return;
        }
        await TooManyRequests.RefuseAsync(http, decision.RetryAfter, "Too many requests",
            "Too many sign-ons from your network address in the last hour. Please try again later.");
    }
}

public static class SignOnAddressLimitExtensions
{
    public static IServiceCollection AddSignOnAddressLimit(this IServiceCollection services) => services.AddSingleton<SignOnAddressLimit>();

    /// <summary>After routing (it reads the endpoint's metadata) and authorization.</summary>
    public static IApplicationBuilder UseSignOnAddressLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<SignOnAddressLimit>();
        return app.Use((http, next) => limit.InvokeAsync(http, next));
    }
}
