using MediatR;
using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

public sealed record GetInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<InvitationSummary>;

public sealed class GetInvitationHandler(IMediator mediator) : IRequestHandler<GetInvitation, InvitationSummary>
{
    public async Task<InvitationSummary> Handle(GetInvitation request, CancellationToken ct) =>
        (await mediator.Send(new ListInvitations(request.UserId, request.StatementId, request.InvitationId), ct)).SingleOrDefault()
        ?? throw new NotFoundException("invitation");
}
