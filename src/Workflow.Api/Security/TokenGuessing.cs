using Workflow.Core.Common;
using Workflow.Core.Limits;

namespace Workflow.Api.Security;

public sealed class TokenGuessingOptions
{
    public const string Section = "TokenGuessing";

    /// <summary>Lookups of unknown tokens a client address may make per window before it gets 429.</summary>
    public int FailedLookupsPerWindow { get; init; } = 20;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    public LimitRule Rule => new("token-guessing", FailedLookupsPerWindow, Window);
}

/// <summary>
/// Every link that carries a token (signing, sign-on, co-drafting: a {token} in the route) counts the lookups of unknown
/// tokens per client address, in the counters every instance shares; past the limit the address gets 429 with Retry-After
/// instead of 404 for unknown tokens until the window ends. Links that exist keep working, from that address too: people
/// behind one shared address (an office, a mobile network) are not locked out by one of them guessing. That gives a
/// guesser nothing, because a token is 256 random bits: the limit is about noise and enumeration, not feasibility, and
/// the 429 tells a scanner to stop. Only failures count, so nobody using a real link is ever counted.
/// Behind a reverse proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that the address is the client's.
/// </summary>
public sealed class TokenGuessing(IConfiguration configuration, ISharedLimits limits)
{
    private readonly LimitRule _rule = (configuration.GetSection(TokenGuessingOptions.Section).Get<TokenGuessingOptions>() ?? new()).Rule;

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetRouteValue("token") is null)
        {
            await next(http);
            return;
        }
        try
        {
            await next(http);
        }
        // The API throws an unknown token, to be answered 404 by the exception handler outside; a page answers 404 itself.
        catch (NotFoundException) when (!http.Response.HasStarted)
        {
            if (await RefusedAsync(http)) return;
            throw;
        }
        if (http.Response.StatusCode == StatusCodes.Status404NotFound) await RefusedAsync(http);
    }

    /// <summary>Counts the unknown token; past the limit, answers 429 in place of the 404.</summary>
    private async Task<bool> RefusedAsync(HttpContext http)
    {
        var decision = await limits.HitAsync(_rule, ClientAddress.Of(http), http.RequestAborted);
        if (decision.Allowed || http.Response.HasStarted) return false;
        await TooManyRequests.RefuseAsync(http, decision.RetryAfter, "Too many unknown links",
            "Too many links that do not exist were tried from your network address. Please try again later.");
        return true;
    }
}

public static class TokenGuessingExtensions
{
    public static IServiceCollection AddTokenGuessingLimit(this IServiceCollection services) => services.AddSingleton<TokenGuessing>();

    /// <summary>After routing (it reads the route's {token}).</summary>
    public static IApplicationBuilder UseTokenGuessingLimit(this IApplicationBuilder app)
    {
        var guard = app.ApplicationServices.GetRequiredService<TokenGuessing>();
        return app.Use((http, next) => guard.InvokeAsync(http, next));
    }
}
