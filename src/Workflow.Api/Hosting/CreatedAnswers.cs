using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflow.Api.Hosting;

/// <summary>How the API answers a request that creates something.</summary>
public static class CreatedAnswers
{
    /// <summary>Sends the request to its use case and answers 201: where the new thing is now, and what it is.</summary>
    public static async Task<Created<T>> SendCreatedAsync<T>(this IMediator mediator, IRequest<T> request, Func<T, string> location,
        CancellationToken ct)
    {
        var created = await mediator.Send(request, ct);
        return TypedResults.Created(location(created), created);
    }
}
