using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Api.Hosting;
using Workflow.Core.Common;

namespace Workflow.Api.Pages;

/// <summary>A page that hands its work to the use cases, and shows their expected failures on its form.</summary>
public abstract class WorkflowPage : PageModel
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected string UserId => User.Id();

    /// <summary>A one-line confirmation shown (by the layout) on the next page after a redirect.</summary>
    protected string? Notice
    {
        set => TempData["Notice"] = value;
    }

    /// <summary>
    /// Runs a command. If it fails for a reason the person can act on (bad input, a conflict, a limit), the page is shown
    /// again with the reason and with what they typed, answered with the matching status code.
    /// </summary>
    protected async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> command, Func<Task> reload)
    {
        try
        {
            return await command();
        }
        catch (ValidationException e)
        {
            foreach (var failure in e.Errors) ModelState.AddModelError(failure.PropertyName, Messages.Translate(failure.ErrorMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field, Messages.Translate(e.Message));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ConflictException e)
        {
            ModelState.AddModelError(string.Empty, Messages.Translate(e.Message));
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (Workflow.Core.Accounts.UnconfirmedAddressException)
        {
            return UnconfirmedAddress(this);
        }
        catch (TooManyRequestsException e)
        {
            ModelState.AddModelError(string.Empty, Messages.Translate(e.Message));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        await reload();
        return Page();
    }

    /// <summary>
    /// The account must confirm its address before the service e-mails anybody for it: the account page says so in words,
    /// with a button that sends the link again.
    /// </summary>
    internal static IActionResult UnconfirmedAddress(PageModel page)
    {
        var t = page.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Texts>>();
        page.TempData["Notice"] = t["Confirm your e-mail address first: until then the service sends no e-mail to anybody else for you."].Value;
        return page.RedirectToPage("/Account/Index");
    }
}
