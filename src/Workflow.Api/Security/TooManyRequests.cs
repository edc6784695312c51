using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Api.Security;

/// <summary>How a shared limit refuses a request over HTTP.</summary>
internal static class TooManyRequests
{
    /// <summary>
    /// 429 with Retry-After. The API answers a problem; a page's 429 is left without a body for the status code pages
    /// outside, which show the error page.
    /// </summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan retryAfter, string title, string detail)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        });
    }

    /// <summary>Whole seconds, rounded up: "0" would invite an immediate retry.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
