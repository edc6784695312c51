using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Core.Statements;

/// <summary>An owner names the organisations that initiate the statement ("initiated by"), in order.</summary>
public sealed record SetInitiators(string UserId, Guid StatementId, IReadOnlyList<OrganisationDetails> Organisations)
    : IRequest<IReadOnlyList<OrganisationView>>;

public sealed class SetInitiatorsValidator : AbstractValidator<SetInitiators>
{
    public SetInitiatorsValidator()
    {
        RuleFor(r => r.Organisations).NotNull().Must(o => o.Count <= 20).WithMessage("At most 20 initiators.");
        RuleForEach(r => r.Organisations).SetValidator(new OrganisationDetailsValidator());
    }
}

public sealed class SetInitiatorsHandler(WorkflowDb db, TimeProvider clock)
    : IRequestHandler<SetInitiators, IReadOnlyList<OrganisationView>>
{
    public async Task<IReadOnlyList<OrganisationView>> Handle(SetInitiators request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var initiators = new List<Organisation>();
        foreach (var details in request.Organisations)
            initiators.Add((await db.ResolveAsync(details, now, ct, request.UserId)).Organisation);
        var ids = initiators.Select(o => o.Id).ToList();
        var othersSigned = await db.Signatures.AnyAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
            && !ids.Contains(s.OrganisationId), ct);
        statement.SetInitiators(initiators, othersSigned, request.UserId, now);
        await db.SaveChangesAsync(ct);
        return await db.InitiatorsOfAsync(statement, ct);
    }
}
