using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.SignOn;

/// <summary>The moderation queue: a statement's sign-ons, newest first, each with the directory records it may be; for those who see its personal data.</summary>
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
        foreach (var e in entries)
        {
            // Only the queue's open entries need a decision about which record they are.
            var matches = e.State == SignOnState.AwaitingModeration ? (await db.FindMatchesAsync(e.Organisation, ct)).Select(DirectoryMatch.From).ToList() : [];
            summaries.Add(new SignOnSummary(e.Id, e.StatusAt(now), e.Organisation, e.Email, e.SignerName, e.SignerRole, e.VersionNumber, e.TextHash,
                e.SubmittedAt, e.ConfirmBy, e.ConfirmedAt, e.ModeratedAt, e.ModeratedBy, e.RejectionReason, e.SignatureId, matches));
        }
        return summaries;
    }
}
