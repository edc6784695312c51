using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>A drafter corrects how a signatory's name is shown on this statement's list.</summary>
public sealed record CorrectSignatoryName(string UserId, Guid StatementId, Guid SignatureId, string Name, string? NameEnglish,
    string? Acronym)
    : IRequest<SignatureReceipt>;

public sealed class CorrectSignatoryNameValidator : AbstractValidator<CorrectSignatoryName>
{
    public CorrectSignatoryNameValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Organisations.Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(r => r.NameEnglish).MaximumLength(Organisations.Organisation.NameMaxLength).IsSingleLineName();
        RuleFor(r => r.Acronym).MaximumLength(Organisations.Organisation.AcronymMaxLength).IsSingleLineName();
    }
}

public sealed class CorrectSignatoryNameHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CorrectSignatoryName, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(CorrectSignatoryName request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        signature.CorrectDisplayedName(request.Name, request.NameEnglish, request.Acronym, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}
