using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Endorsements;
using Workflow.Core.Data;
using Workflow.Core.Translations;

namespace Workflow.Core.Statements;

// The lifecycle commands: each loads the statement as one of its drafters, asks it to change, saves.

public sealed record OpenForSignature(string UserId, Guid StatementId) : IRequest<StatementDetails>;

/// <summary>Freezes the latest version for signature, and sends the invitations held while it was a draft, each with a fresh link.</summary>
public sealed class OpenForSignatureHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection) : IRequestHandler<OpenForSignature, StatementDetails>
{
    public async Task<StatementDetails> Handle(OpenForSignature request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        var latest = await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct);
        statement.OpenForSignature(latest, await db.LatestTranslationsAsync(statement.Id, ct), request.UserId, now);
        var held = await db.EndorsementRequests
            .Where(r => r.StatementId == statement.Id && r.State == EndorsementRequestState.Pending && r.SentAt == null && r.DeliveryFailedAt == null && r.OpenedAt == null)
            .ToListAsync(ct);
        // One that expired while the statement was a draft stays unsent.
        foreach (var invitation in held.Where(i => i.DeadlineUnder(statement.SignatureDeadline) is not { } deadline || deadline > now))
        {
            var token = InvitationToken.New();
            invitation.SendHeld(InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), statement.Title, now);
        }
        await db.SaveChangesAsync(ct);
        return StatementDetails.From(statement, latest);
    }
}

/// <param name="AsOf">The date the list is published "as of" (by default now), for a list gathered before it reached Workflow.</param>
/// <param name="AsOfUnknown">The statement was published on a date nobody knows: none is shown, rather than today's.</param>
public sealed record PublishStatement(string UserId, Guid StatementId, DateTimeOffset? AsOf = null, bool AsOfUnknown = false) : IRequest<StatementDetails>;

public sealed class PublishStatementValidator : AbstractValidator<PublishStatement>
{
    public PublishStatementValidator()
    {
        RuleFor(r => r.AsOf).GreaterThan(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero));
        RuleFor(r => r.AsOf).Null().When(r => r.AsOfUnknown).WithMessage("'As Of' cannot be given when the date is unknown.");
    }
}

public sealed class PublishStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<PublishStatement, StatementDetails>
{
    public Task<StatementDetails> Handle(PublishStatement request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId,
            s => s.Publish(request.UserId, request.AsOf is { } asOf ? Common.StoredTime.Of(asOf) : null, clock.GetUtcNow(), request.AsOfUnknown), ct);
}

public sealed record CloseStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class CloseStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CloseStatement, StatementDetails>
{
    public Task<StatementDetails> Handle(CloseStatement request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s => s.Close(request.UserId, clock.GetUtcNow()), ct);
}

public sealed record WithdrawStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class WithdrawStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<WithdrawStatement, StatementDetails>
{
    public Task<StatementDetails> Handle(WithdrawStatement request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s => s.Withdraw(request.UserId, clock.GetUtcNow()), ct);
}
