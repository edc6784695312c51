using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Core.Common;

namespace Workflow.Api.Pages;

/// <summary>
/// A page asked for something hidden or not allowed: 404 or 403, shown by the error page, as the API would answer.
/// A request no handler of the page takes (another method, an unknown ?handler=) is 405 or 404, and form values that
/// cannot be read as what the handler expects (a date, a number, true/false) are 400: never a page rendered without its model.
/// </summary>
public sealed class ExpectedFailurePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            var reading = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method);
            context.Result = new StatusCodeResult(reading ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
            return;
        }
        if (!context.ModelState.IsValid)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        var executed = await next();
        if (executed.Exception is Workflow.Core.Accounts.UnconfirmedAddressException && context.HandlerInstance is PageModel page)
        {
            executed.Result = WorkflowPage.UnconfirmedAddress(page);
            executed.ExceptionHandled = true;
            return;
        }
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
