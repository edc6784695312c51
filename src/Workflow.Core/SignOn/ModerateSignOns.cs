using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Translations;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.SignOn;

/// <summary>The moderation queue: a statement's sign-ons, newest first, each with the directory records it may be; for those who see its personal data.</summary>
/// <param name="State">AwaitingConfirmation, AwaitingModeration, Approved or Rejected; all when null.</param>
public sealed record ListSignOns(string UserId, Guid StatementId, SignOnState? State) : IRequest<IReadOnlyList<SignOnSummary>>;

public sealed record SignOnSummary(
    Guid Id, string Status, OrganisationDetails Organisation, string Email, string SignerName, string? SignerRole, int VersionNumber, string TextHash,
    DateTimeOffset SubmittedAt, DateTimeOffset ConfirmBy, DateTimeOffset? ConfirmedAt, DateTimeOffset? ModeratedAt, string? ModeratedBy,
    string? RejectionReason, Guid? SignatureId, IReadOnlyList<DirectoryMatch> Matches);

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

/// <summary>
/// A drafter approves a confirmed sign-on: it becomes a signature on the text the signer agreed to, dated when the
/// signer confirmed, on the initial list or, after publication, among the subsequent signatories. Which directory
/// record it is follows the directory's rules; the drafter may choose one by id or register a new one — but not a new one
/// while a record of the same name or website has already signed the statement: that would put one organisation on the
/// list twice.
/// </summary>
public sealed record ApproveSignOn(string UserId, Guid StatementId, Guid SignOnId, Guid? OrganisationId, bool RegisterAsNew) : IRequest<SignatureReceipt>;

public sealed class ApproveSignOnHandler(WorkflowDb db, TimeProvider clock, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtection)
    : IRequestHandler<ApproveSignOn, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ApproveSignOn request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        var entry = await db.LoadSignOnAsync(request.StatementId, request.SignOnId, ct);
        entry.EnsureAwaitingModeration();
        entry.EnsureNamesAreSingleLine();
        statement.EnsureAcceptsSignatures();
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        if (version.TextHash != entry.TextHash)
            throw new ConflictException("The signer agreed to another text than the one open for signature; reject this sign-on.");

        if (request.RegisterAsNew && request.OrganisationId is null) await EnsureNoTwinSignedAsync(statement, entry, ct);
        var (organisation, _, shownAs) = await db.ResolveAsync(entry.Organisation with { Id = request.OrganisationId, RegisterAsNew = request.RegisterAsNew }, now, ct, request.UserId);
        await db.EnsureMaySignAsync(statement, organisation, ct);
        var signature = statement.Sign(organisation, shownAs, version, entry.SignerName, entry.SignerRole, endorsementRequestId: null,
            entry.ConfirmedAt!.Value, recordedBy: null, new SignatureOrigin(SignatureProvenance.SignOn, entry.EmailDomain), now,
            await db.SignableTranslationsAsync(statement, ct));
        var token = InvitationToken.New();
        entry.Approve(signature.Id, organisation.Id, request.UserId, InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), now);
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(ct);
        return SignatureReceipt.From(signature, statement, organisation);
    }

    private async Task EnsureNoTwinSignedAsync(Statement statement, SignOnEntry entry, CancellationToken ct)
    {
        var twins = (await db.FindMatchesAsync(entry.Organisation, ct))
            .Where(m => m.Reasons.Contains(MatchReason.Name) || m.Reasons.Contains(MatchReason.Website)).ToList();
        foreach (var twin in twins)
        {
            if (!await db.Signatures.AnyAsync(s => s.StatementId == statement.Id && s.OrganisationId == twin.Organisation.Id && s.Status == SignatureStatus.Active, ct))
                continue;
            throw new ConflictException(
                $"{twin.Organisation.Name} ({OrganisationDirectory.Describe(twin.Reasons)}) has already signed this statement: approving this sign-on " +
                "as a new organisation would put it on the list twice. Reject the sign-on if it is the same organisation.",
                new Dictionary<string, object?> { ["matches"] = new[] { DirectoryMatch.From(twin) } });
        }
    }
}

public sealed record RejectSignOn(string UserId, Guid StatementId, Guid SignOnId, string? Reason) : IRequest<SignOnSummary>;

public sealed class RejectSignOnValidator : AbstractValidator<RejectSignOn>
{
    public RejectSignOnValidator() => RuleFor(r => r.Reason).MaximumLength(SignOnEntry.ReasonMaxLength);
}

public sealed class RejectSignOnHandler(WorkflowDb db, TimeProvider clock, IMediator mediator) : IRequestHandler<RejectSignOn, SignOnSummary>
{
    public async Task<SignOnSummary> Handle(RejectSignOn request, CancellationToken ct)
    {
        await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        var entry = await db.LoadSignOnAsync(request.StatementId, request.SignOnId, ct);
        entry.Reject(request.Reason, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await mediator.Send(new ListSignOns(request.UserId, request.StatementId, SignOnState.Rejected), ct)).Single(s => s.Id == entry.Id);
    }
}

/// <summary>Drafters open or close the public sign-on form of their statement.</summary>
public sealed record SetOpenSignOn(string UserId, Guid StatementId, bool Enabled) : IRequest<StatementDetails>;

public sealed class SetOpenSignOnHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SetOpenSignOn, StatementDetails>
{
    public Task<StatementDetails> Handle(SetOpenSignOn request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s => s.SetOpenSignOn(request.Enabled, request.UserId, clock.GetUtcNow()), ct);
}

internal static class SignOnModeration
{
    public static async Task<SignOnEntry> LoadSignOnAsync(this WorkflowDb db, Guid statementId, Guid signOnId, CancellationToken ct) =>
        await db.SignOnEntries.SingleOrDefaultAsync(e => e.Id == signOnId && e.StatementId == statementId, ct) ?? throw new NotFoundException("sign-on");
}
