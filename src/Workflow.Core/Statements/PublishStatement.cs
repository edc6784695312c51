using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <param name="AsOf">The date the list is published "as of" (by default now), for a list gathered before it reached Workflow.</param>
/// <param name="AsOfUnknown">The statement was published on a date nobody knows: none is shown, rather than today's.</param>
public sealed record PublishStatement(string UserId, Guid StatementId, DateTimeOffset? AsOf = null, bool AsOfUnknown = false)
    : IRequest<StatementDetails>;

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
            s => s.Publish(request.UserId, request.AsOf is { } asOf ? Common.StoredTime.Of(asOf) : null, clock.GetUtcNow(),
            request.AsOfUnknown), ct);
}
