using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Api.Security;

public sealed class TokenGuessingOptions
{
    public const string Section = "TokenGuessing";

    /// <summary>Lookups of unknown tokens a client address may make per window before it gets 429.</summary>
    public int FailedLookupsPerWindow { get; init; } = 20;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Every link that carries a token (signing, sign-on, co-drafting: a {token} in the route) counts the lookups of unknown
/// tokens per client address; past the limit the address gets 429 with Retry-After on every token link until the window
/// ends. Only failures count, so a signer who opens, signs and reads the receipt never meets the limit. Tokens are
/// 256 random bits, so this is about noise and enumeration, not feasibility. Counted in each instance's memory.
/// Behind a reverse proxy, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that the address is the client's.
/// </summary>
public sealed class TokenGuessing : IDisposable
{
    private readonly TokenGuessingOptions _options;
    private readonly PartitionedRateLimiter<string> _failures;

    public TokenGuessing(IConfiguration configuration)
    {
        var options = _options = configuration.GetSection(TokenGuessingOptions.Section).Get<TokenGuessingOptions>() ?? new();
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.FailedLookupsPerWindow, Window = options.Window, QueueLimit = 0 }));
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetRouteValue("token") is null)
        {
            await next(http);
            return;
        }
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_failures.GetStatistics(address)?.CurrentAvailablePermits == 0)
        {
            await RefuseAsync(http);
            return;
        }
        // An unknown token is thrown as an exception and answered 404 by the exception handler outside: count the final status.
        http.Response.OnCompleted(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status404NotFound) _failures.AttemptAcquire(address).Dispose();
            return Task.CompletedTask;
        });
        await next(http);
    }

    private async Task RefuseAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)_options.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many unknown links",
                Detail = "Too many links that do not exist were tried from your network address. Please try again later.",
            },
        });
    }

    public void Dispose() => _failures.Dispose();
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
