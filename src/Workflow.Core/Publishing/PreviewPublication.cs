using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

/// <summary>
/// The public list as it will look once published "as of" the date chosen (by default now), for the owner who is about
/// to publish it. The date is checked by the statement's rules, as publishing checks it; nothing is changed.
/// </summary>
public sealed record PreviewPublication(string UserId, Guid StatementId, DateTimeOffset? AsOf = null, bool AsOfUnknown = false)
    : IRequest<SignatoryList>;

public sealed class PreviewPublicationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<PreviewPublication, SignatoryList>
{
    public async Task<SignatoryList> Handle(PreviewPublication request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        if (statement.State != StatementState.OpenForSignature)
            throw new Common.ConflictException("Only a statement open for signature can be published.");
        var now = clock.GetUtcNow();
        var asOf = request.AsOf is { } given ? Common.StoredTime.Of(given) : (DateTimeOffset?)null;
        if (request.AsOfUnknown && asOf is not null)
            throw new Common.DomainRuleException("asOf", "A publication date cannot be both given and unknown.");
        statement.EnsurePublishableAsOf(asOf, now, request.AsOfUnknown);
        var list = await db.SignatoryListOfAsync(statement, ct);
        return list with
        {
            State = nameof(StatementState.Published),
            AsOf = request.AsOfUnknown ? null : asOf ?? now,
            AcceptsFurtherSignatories = statement.AllowsFurtherSignatories,
        };
    }
}
