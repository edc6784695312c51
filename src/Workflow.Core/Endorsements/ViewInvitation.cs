using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Endorsements;

/// <summary>
/// What the invited organisation sees: the exact text it would sign, its version and hash. Reading changes nothing; the
/// link's first opening is recorded by <see cref="OpenInvitation"/>.
/// </summary>
public sealed record ViewInvitation(string Token) : IRequest<InvitationView>;

public sealed class ViewInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ViewInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(ViewInvitation request, CancellationToken ct) =>
        await db.ViewOfAsync(await db.FindLiveByTokenAsync(request.Token, ct), clock.GetUtcNow(), ct);
}

internal static class InvitationViews
{
    public static async Task<InvitationView> ViewOfAsync(this WorkflowDb db, Invitation invitation, DateTimeOffset now,
        CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == invitation.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        // Before the statement is opened the organisation may read the draft, but there is nothing to sign yet.
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber ?? statement.LatestVersionNumber, ct);

        var signature = await db.Signatures.AsNoTracking().SingleOrDefaultAsync(s => s.InvitationId == invitation.Id, ct);
        var receipt = signature is null ? null
            : SignatureReceipt.From(signature, statement, organisation,
                await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
        string? cannotSign = receipt is null ? null
            : receipt.NeedsReconfirmation ? "The text changed after you signed: confirm the new text (reconfirm) or withdraw."
            : "This invitation has been signed.";
        if (cannotSign is null)
        {
            try
            {
                invitation.EnsureCanAnswer(statement.SignatureDeadline, now);
                statement.EnsureAcceptsSignatures();
            }
            catch (ConflictException e) { cannotSign = e.Message; }
        }

        // The signer who is asked to confirm a changed text sees what changed since the version it agreed to.
        var changes = signature is not null && receipt!.NeedsReconfirmation
            ? TextDiff.Between(await db.LoadVersionAsync(statement.Id, signature.ConfirmedVersionNumber, ct), version) : null;

        return new InvitationView(invitation.StatusAt(statement.SignatureDeadline, now, statement.HoldsInvitations).ToString(),
            OrganisationView.AsInvited(organisation, invitation),
            statement.Title, statement.Language, statement.State.ToString(), VersionDetails.From(version),
            invitation.DeadlineUnder(statement.SignatureDeadline), cannotSign is null, cannotSign, receipt,
            (await db.SignableTranslationsAsync(statement, ct)).Select(t => TranslationDetails.From(t, statement.LatestVersionNumber))
            .ToList(), changes);
    }
}
