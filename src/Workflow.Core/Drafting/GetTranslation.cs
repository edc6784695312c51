using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <param name="Number">A version of the translation; its latest when null.</param>
public sealed record GetTranslation(string UserId, Guid StatementId, string Language, int? Number) : IRequest<TranslationDetails>;

public sealed class GetTranslationHandler(WorkflowDb db) : IRequestHandler<GetTranslation, TranslationDetails>
{
    public async Task<TranslationDetails> Handle(GetTranslation request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        // A malformed tag names no translation.
        if (!LanguageTag.TryParse(request.Language, out var tag)) throw new NotFoundException("translation");
        var language = tag.Value;
        var version = await db.TranslationVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Language == language && (request.Number == null || v.Number == request.Number))
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("translation");
        return TranslationDetails.From(version, statement.LatestVersionNumber);
    }
}
