using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Endorsements;

/// <summary>
/// A drafter approves a confirmed sign-on: it becomes a signature on the text the signer agreed to, dated when the
/// signer confirmed, on the initial list or, after publication, among the subsequent signatories. Which directory
/// record it is follows the directory's rules; the drafter may choose one by id or register a new one — but not a new one
/// while a record of the same name or website has already signed the statement: that would put one organisation on the
/// list twice.
/// </summary>
public sealed record ApproveSignOn(string UserId, Guid StatementId, Guid SignOnId, Guid? OrganisationId, bool RegisterAsNew)
    : IRequest<SignatureReceipt>;

public sealed class ApproveSignOnHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<ApproveSignOn, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ApproveSignOn request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var entry = await db.LoadSignOnAsync(request.StatementId, request.SignOnId, ct);
        entry.EnsureAwaitingModeration();
        entry.EnsureNamesAreSingleLine();
        statement.EnsureAcceptsSignatures();
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        if (version.TextHash != entry.TextHash)
            throw new ConflictException("The signer agreed to another text than the one open for signature; reject this sign-on.");

        if (request.RegisterAsNew && request.OrganisationId is null) await EnsureNoTwinSignedAsync(statement, entry, ct);
        var (organisation, _, shownAs) = await db.ResolveAsync(entry.Organisation with { Id = request.OrganisationId,
            RegisterAsNew = request.RegisterAsNew }, now, ct, request.UserId);
        await db.EnsureMaySignAsync(statement, organisation, ct);
        var signature = statement.Sign(organisation, shownAs, version, entry.SignerName, entry.SignerRole, invitationId: null,
            entry.ConfirmedAt!.Value, recordedBy: null, new SignatureOrigin(SignatureProvenance.SignOn, entry.EmailDomain), now,
            await db.SignableTranslationsAsync(statement, ct));
        var link = db.LinksToMail.New(linkTokens);
        entry.Approve(signature.Id, organisation.Id, request.UserId, link.Hash, now);
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
            if (!await db.Signatures.AnyAsync(s => s.StatementId == statement.Id && s.OrganisationId == twin.Organisation.Id
                && s.Status == SignatureStatus.Active, ct))
                continue;
            throw new ConflictException(
                $"{twin.Organisation.Name} ({OrganisationDirectory.Describe(twin.Reasons)}) has already signed this statement: approving " +
                "this sign-on " +
                "as a new organisation would put it on the list twice. Reject the sign-on if it is the same organisation.",
                new Dictionary<string, object?> { ["matches"] = new[] { DirectoryMatch.From(twin) } });
        }
    }
}
