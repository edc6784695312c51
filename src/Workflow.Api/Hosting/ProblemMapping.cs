using System.Text.Json;
using FluentValidation;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Core.Common;

namespace Workflow.Api.Hosting;

/// <summary>
/// The one place where failures become RFC 7807 problems. Expected failures say what is wrong and,
/// for bad input, which field; anything else is logged with its trace id and answered 500 without details.
/// Titles and messages are in the request's language (Accept-Language, or the language switch's cookie); the field names in
/// <c>errors</c> stay as they are, since clients read them as keys.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException e => Invalid(e.Errors.GroupBy(f => JsonPath(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
            DomainRuleException e => Invalid(new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, e),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, e),
            Workflow.Core.Accounts.UnconfirmedAddressException e => Problem(StatusCodes.Status403Forbidden, e),
            ConflictException e => WithExtensions(Problem(StatusCodes.Status409Conflict, e), e.Extensions),
            TooManyRequestsException e => TooMany(http, e),
            BadHttpRequestException e => BadRequest(e),
            _ when http.RequestServices.GetRequiredService<IDatabaseErrors>().IsUnavailable(exception) => Unavailable(http, exception),
            _ => null,
        };
        if (problem is null)
        {
            // The route pattern, not the path: a path can hold an invitation token, which must never reach a log.
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            log.LogError(exception, "Unhandled error answering {Method} {Route} (trace {TraceId})", http.Request.Method, route,
                http.TraceIdentifier);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        Translate(problem, RequestLanguage(http));
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem,
            Exception = exception });
    }

    /// <summary>
    /// The language the request localisation chose. The exception handler runs outside that middleware, whose culture
    /// no longer applies here, so the choice is read from the request itself.
    /// </summary>
    private static CultureInfo RequestLanguage(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(InterfaceLanguages.Default);

    private static void Translate(ProblemDetails problem, CultureInfo language)
    {
        if (problem.Title is not null) problem.Title = Messages.Translate(problem.Title, language);
        if (problem.Detail is not null) problem.Detail = Messages.Translate(problem.Detail, language);
        if (problem is ValidationProblemDetails invalid)
            foreach (var field in invalid.Errors.Keys.ToList())
                invalid.Errors[field] = invalid.Errors[field].Select(message => Messages.Translate(message, language)).ToArray();
    }

    private static ValidationProblemDetails Invalid(IDictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request is invalid.",
        Detail = "See the errors for each field." };

    /// <summary>The database is down or restarting: the client may try again, and is told when; nothing was saved.</summary>
    private ProblemDetails Unavailable(HttpContext http, Exception exception)
    {
        log.LogWarning("The database is unavailable ({Error}); answered 503 (trace {TraceId})", exception.GetBaseException().Message,
            http.TraceIdentifier);
        http.Response.Headers.RetryAfter = RetryAfterSeconds;
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = "The service is unavailable for a moment.",
            Detail = "Nothing was saved. Please try again in a few seconds.",
        };
    }

    private const string RetryAfterSeconds = "5";

    private static ProblemDetails TooMany(HttpContext http, TooManyRequestsException e)
    {
        if (e.RetryAfter is { } retryAfter) http.Response.Headers.RetryAfter = Security.TooManyRequests.RetryAfterSeconds(retryAfter);
        return Problem(StatusCodes.Status429TooManyRequests, e);
    }

    private static ProblemDetails Problem(int status, WorkflowException e) => new() { Status = status, Title = e.Title,
        Detail = e.Message };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new ProblemDetails { Status = e.StatusCode, Title = "The request body is too large.",
                Detail = string.Format(CultureInfo.InvariantCulture, "At most {0} bytes are accepted.",
                ServiceRegistration.MaxRequestBodyBytes) };
        if (e.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
            var message = json.Message.StartsWith(Security.NulCharacters.Message, StringComparison.Ordinal) ? Security.NulCharacters.Message
                : "The JSON is malformed or has a value of the wrong type here.";
            return Invalid(new Dictionary<string, string[]> { [field] = [message] });
        }
        return new ProblemDetails { Status = e.StatusCode, Title = "The request is invalid.", Detail = e.Message };
    }

    /// <summary>"Organisation.Name" as a client wrote it: "organisation.name".</summary>
    private static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
