using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <param name="Stale">The primary text has changed since the version this translation translates.</param>
/// <param name="InSignableSet">Signers may read this translation version; receipts name it.</param>
public sealed record TranslationSummary(string Language, int LatestNumber, int TranslatesVersion, bool Stale, int? SignableNumber,
    string TextHash);

public sealed record ListTranslations(string UserId, Guid StatementId) : IRequest<IReadOnlyList<TranslationSummary>>;

public sealed class ListTranslationsHandler(WorkflowDb db) : IRequestHandler<ListTranslations, IReadOnlyList<TranslationSummary>>
{
    public async Task<IReadOnlyList<TranslationSummary>> Handle(ListTranslations request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var latest = await db.LatestTranslationsAsync(statement.Id, ct);
        var set = statement.SignableTranslationNumbers();
        return latest.Select(v => new TranslationSummary(v.Language, v.Number, v.TranslatesVersion,
            v.TranslatesVersion != statement.LatestVersionNumber,
            set.TryGetValue(v.Language, out var n) ? n : null, v.TextHash)).ToList();
    }
}
