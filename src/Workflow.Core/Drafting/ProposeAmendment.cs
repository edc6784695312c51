using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>A commenter (or anyone above) proposes to replace, insert or delete a paragraph of a version, with a rationale.</summary>
public sealed record ProposeAmendment(string UserId, Guid StatementId, int BaseVersion, AmendmentKind? Kind, int Paragraph, string? Text,
    string? Rationale)
    : IRequest<AmendmentView>;

public sealed class ProposeAmendmentValidator : AbstractValidator<ProposeAmendment>
{
    public ProposeAmendmentValidator()
    {
        RuleFor(r => r.BaseVersion).GreaterThan(0);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Text).MaximumLength(Amendment.TextMaxLength);
        RuleFor(r => r.Rationale).MaximumLength(Amendment.RationaleMaxLength);
    }
}

public sealed class ProposeAmendmentHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ProposeAmendment, AmendmentView>
{
    public async Task<AmendmentView> Handle(ProposeAmendment request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Commenter, ct);
        var version = await db.StatementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.StatementId == statement.Id
            && v.Number == request.BaseVersion, ct)
            ?? throw new DomainRuleException("baseVersion", $"The statement has no version {request.BaseVersion}.");
        var amendment = Amendment.Propose(statement.Id, version.Number, Paragraphs.Of(version.Body), request.Kind!.Value, request.Paragraph,
            request.Text, request.Rationale, request.UserId, clock.GetUtcNow());
        db.Amendments.Add(amendment);
        await db.SaveChangesAsync(ct);
        var latest = Paragraphs.Of((await db.LoadVersionAsync(statement.Id, statement.LatestVersionNumber, ct)).Body);
        return AmendmentView.From(amendment, latest);
    }
}
