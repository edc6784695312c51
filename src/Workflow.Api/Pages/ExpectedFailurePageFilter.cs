using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Workflow.Core.Common;

namespace Workflow.Api.Pages;

/// <summary>A page asked for something hidden or not allowed: 404 or 403, shown by the error page, as the API would answer.</summary>
public sealed class ExpectedFailurePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        int? status = executed.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            _ => null,
        };
        if (status is null) return;
        executed.Result = new StatusCodeResult(status.Value);
        executed.ExceptionHandled = true;
    }
}
