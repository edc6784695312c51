using Workflow.Api.Hosting;

namespace Workflow.Api.Security;

/// <summary>
/// The headers every response carries, whatever answers it (an endpoint, a page, a static file, the error handler):
/// set when the response starts, so that nothing that clears the response on the way (the exception handler) loses them.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // Nothing we serve may be reinterpreted by a browser: plain text stays text, JSON stays data.
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Endpoints that may be framed (the widget) set a policy of their own; everything else may not be.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = WebPages.ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(http);
    });
}
