namespace Workflow.Api.Hosting;

public static class RequestSizeLimit
{
    /// <summary>
    /// Refuses a declared body over the limit before reading it. Kestrel also enforces the limit on
    /// bodies of unknown length; this makes the answer the same behind any server.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > maxBytes)
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            return next(http);
        });
}
