using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="Deadline">This invitation's own deadline, later than the statement's; by default the statement's.</param>
public sealed record InviteOrganisation(string UserId, Guid StatementId, OrganisationDetails Organisation, string Email, DateTimeOffset? Deadline = null)
    : IRequest<InvitationCreated>;

public sealed class InviteOrganisationValidator : AbstractValidator<InviteOrganisation>
{
    public InviteOrganisationValidator()
    {
        RuleFor(r => r.Organisation).NotNull().SetValidator(new OrganisationDetailsValidator());
        RuleFor(r => r.Email).NotEmpty().MaximumLength(EndorsementRequest.EmailMaxLength).EmailAddress();
    }
}

public sealed class InviteOrganisationHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection)
    : IRequestHandler<InviteOrganisation, InvitationCreated>
{
    public async Task<InvitationCreated> Handle(InviteOrganisation request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        statement.EnsureAcceptsInvitations();

        var organisation = await db.FindOrRegisterAsync(request.Organisation, now, ct);
        var matched = db.Entry(organisation).State != EntityState.Added;
        if (await db.Signatures.AnyAsync(s => s.StatementId == statement.Id && s.OrganisationId == organisation.Id, ct))
            throw new ConflictException($"{organisation.Name} has already signed this statement.");
        if (await db.EndorsementRequests.AnyAsync(r => r.StatementId == statement.Id && r.OrganisationId == organisation.Id
                && r.State == EndorsementRequestState.Pending, ct))
            throw new ConflictException($"{organisation.Name} already has a pending invitation to this statement; revoke it to send a new one.");

        var token = InvitationToken.New();
        var protectedToken = dataProtection.ProtectForEmail(token);
        var invitation = statement.RequestEndorsement(organisation, request.Email, InvitationToken.Hash(token), protectedToken, request.UserId,
            request.Deadline is { } deadline ? StoredTime.Of(deadline) : null, now);
        db.EndorsementRequests.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation.Id, OrganisationView.From(organisation), invitation.Email, token, matched);
    }
}
