using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Common;

/// <summary>
/// Optimistic concurrency: when a save loses a race (a concurrency token moved, or a unique
/// constraint was taken meanwhile), the use case runs again on fresh data, so the domain rules
/// decide the second time with what the winner wrote (a next list number, "already signed", a 409).
/// </summary>
public sealed class RetryOnConflictBehaviour<TRequest, TResponse>(WorkflowDb db, IDatabaseErrors errors)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Signings through links no longer race here: SigningQueue takes them in turn under the statement's row lock. What
    // still can is rarer and lighter (a signature recorded by the drafters or an approved sign-on beside a signing group,
    // two editors saving at once, two requests registering the same new organisation): each round one of them wins.
    internal const int MaxAttempts = 20;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next();
            }
            catch (DbUpdateException e) when (LostRace.Is(errors, e) && attempt < MaxAttempts && db.Database.CurrentTransaction is null)
            {
                db.ChangeTracker.Clear();
                // Spread the retries of many concurrent losers so that they do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(2 * attempt, 60)), cancellationToken);
            }
            catch (DbUpdateException e) when (LostRace.Is(errors, e))
            {
                throw LostRace.Refusal();
            }
        }
    }
}

/// <summary>
/// What counts as a save that lost a race, and the answer once it has lost every try (also BulkInvite's row-by-row retry).
/// </summary>
internal static class LostRace
{
    // Any other failed save (a broken foreign key, a value the column cannot hold) is a bug to see, not a race to retry.
    public static bool Is(IDatabaseErrors errors, DbUpdateException e) => e is DbUpdateConcurrencyException || errors.IsLostRace(e);

    public static ConflictException Refusal() => new("Someone else changed this at the same moment. Try again.");
}
