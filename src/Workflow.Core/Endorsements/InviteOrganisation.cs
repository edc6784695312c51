using Workflow.Core.Accounts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="Deadline">This invitation's own deadline, later than the statement's; by default the statement's.</param>
/// <param name="Language">The language of the e-mails to this organisation: one of the interface languages, en by default.</param>
/// <param name="PersonalMessage">The inviting drafter's own words, plain text, carried by every e-mail of this invitation.</param>
/// <param name="HandOverLink">
/// The drafter wants the signing link too, to hand it over themselves. Otherwise only the organisation receives it, by
/// e-mail; a signature through a handed-over link says so on the list. Refused (409) on a draft, whose invitations are
/// held and get their links when it opens for signature.
/// </param>
public sealed record InviteOrganisation(string UserId, Guid StatementId, OrganisationDetails Organisation, string Email,
    DateTimeOffset? Deadline = null,
    string? Language = null, bool HandOverLink = false, string? PersonalMessage = null)
    : IRequest<InvitationCreated>;

public sealed class InviteOrganisationValidator : AbstractValidator<InviteOrganisation>
{
    public InviteOrganisationValidator()
    {
        RuleFor(r => r.Organisation).NotNull().SetValidator(new OrganisationDetailsValidator());
        RuleFor(r => r.Email).NotEmpty().MaximumLength(Invitation.EmailMaxLength).EmailAddress();
        RuleFor(r => r.Language!).Must(l => InterfaceLanguages.IsSupported(l))
            .When(r => !string.IsNullOrWhiteSpace(r.Language))
            .WithMessage($"'Language' must be one of the languages e-mails are written in: {string.Join(", ", InterfaceLanguages.All)}.");
        RuleFor(r => r.PersonalMessage).MaximumLength(Invitation.PersonalMessageMaxLength).IsPlainMultiLineText();
    }
}

public sealed class InviteOrganisationHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<InviteOrganisation, InvitationCreated>
{
    public Task<InvitationCreated> Handle(InviteOrganisation request, CancellationToken ct) =>
        InviteAsync(db, linkTokens, request, clock.GetUtcNow(), ct);

    /// <summary>The whole use case, without the mediator's pipeline: shared with <see cref="BulkInviteHandler"/>, which validates
    /// first.</summary>
    internal static async Task<InvitationCreated> InviteAsync(WorkflowDb db, ILinkTokens linkTokens, InviteOrganisation request,
        DateTimeOffset now, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        statement.EnsureAcceptsInvitations();
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);

        var (organisation, matched, shownAs) = await db.ResolveAsync(request.Organisation, now, ct, request.UserId);
        await db.EnsureNotSignedYetAsync(statement.Id, organisation, ct);
        if (await db.Invitations.AnyAsync(r => r.StatementId == statement.Id && r.OrganisationId == organisation.Id
                && r.State == InvitationState.Pending, ct))
            throw AlreadyPending(organisation);

        var (invitation, token) = Invite(statement, organisation, shownAs, request, db.LinksToMail.New(linkTokens), now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation.Id, OrganisationView.AsInvited(organisation, invitation), invitation.Email,
            request.HandOverLink ? token : null, matched,
            Held: statement.HoldsInvitations);
    }

    /// <summary>
    /// The invitation itself, once the organisation is known and may be invited, with a fresh link (of which the invitation keeps
    /// only the hash; the save sends it). Shared with <see cref="BulkInviteHandler"/>.
    /// </summary>
    internal static (Invitation Invitation, string Token) Invite(Statement statement, Organisation organisation,
        OrganisationDetails shownAs, InviteOrganisation request, LinkToken link, DateTimeOffset now)
    {
        var language = InterfaceLanguages.Closest(request.Language);
        var invitation = statement.RequestEndorsement(organisation, shownAs, request.Email, language, link.Hash,
            request.HandOverLink, request.UserId, request.Deadline is { } deadline ? StoredTime.Of(deadline) : null, now,
            request.PersonalMessage);
        return (invitation, link.Value);
    }

    /// <summary>The refusal of a second pending invitation of one organisation to one statement.</summary>
    internal static ConflictException AlreadyPending(Organisation organisation) =>
        new($"{organisation.Name} already has a pending invitation to this statement; revoke it to send a new one.");
}
