using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Statements;

// The lifecycle commands: each loads the statement as one of its drafters, asks it to change, saves.

public sealed record OpenForSignature(string UserId, Guid StatementId) : IRequest<StatementDetails>;

/// <summary>Freezes the latest version for signature, and sends the invitations held while it was a draft, each with a fresh
/// link.</summary>
public sealed class OpenForSignatureHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<OpenForSignature, StatementDetails>
{
    public async Task<StatementDetails> Handle(OpenForSignature request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var latest = await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct);
        statement.OpenForSignature(latest, await db.LatestTranslationsAsync(statement.Id, ct), request.UserId, now);
        var held = await db.Invitations
            .Where(r => r.StatementId == statement.Id && r.State == InvitationState.Pending && r.SentAt == null
                && r.DeliveryFailedAt == null && r.OpenedAt == null)
            .ToListAsync(ct);
        // One that expired while the statement was a draft stays unsent.
        foreach (var invitation in held.Where(i => i.DeadlineUnder(statement.SignatureDeadline) is not { } deadline || deadline > now))
        {
            invitation.SendHeld(db.LinksToMail.New(linkTokens).Hash, now);
        }
        await db.SaveChangesAsync(ct);
        return StatementDetails.From(statement, latest);
    }
}
