using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>The moderation queue: a statement's sign-ons, newest first, each with the directory records it may be; for those who see its
/// personal data.</summary>
/// <param name="State">AwaitingConfirmation, AwaitingModeration, Approved or Rejected; all when null.</param>
public sealed record ListSignOns(string UserId, Guid StatementId, SignOnState? State) : IRequest<IReadOnlyList<SignOnSummary>>;

public sealed class ListSignOnsHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ListSignOns, IReadOnlyList<SignOnSummary>>
{
    public const int MaxResults = 500;

    public async Task<IReadOnlyList<SignOnSummary>> Handle(ListSignOns request, CancellationToken ct)
    {
        await db.LoadForPersonalDataAsync(request.StatementId, request.UserId, ct);
        var now = clock.GetUtcNow();
        var entries = await db.SignOnEntries.AsNoTracking()
            .Where(e => e.StatementId == request.StatementId && (request.State == null || e.State == request.State))
            .OrderByDescending(e => e.SubmittedAt).Take(MaxResults).ToListAsync(ct);
        var summaries = new List<SignOnSummary>(entries.Count);
        foreach (var entry in entries) summaries.Add(await db.SummaryOfAsync(entry, now, ct));
        return summaries;
    }
}
