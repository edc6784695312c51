using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Endorsements;

/// <summary>What the public form shows: the exact text to sign, and its hash to send back.</summary>
public sealed record GetSignOnForm(string Slug) : IRequest<SignOnForm>;

public sealed record SignOnForm(string Slug, string Title, string Language, string State, VersionDetails Version,
    IReadOnlyList<Drafting.TranslationDetails> Translations);

public sealed class GetSignOnFormHandler(WorkflowDb db) : IRequestHandler<GetSignOnForm, SignOnForm>
{
    public async Task<SignOnForm> Handle(GetSignOnForm request, CancellationToken ct)
    {
        var statement = await db.LoadTakingSignOnsAsync(request.Slug, ct);
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        var translations = (await db.SignableTranslationsAsync(statement, ct))
            .Select(t => Drafting.TranslationDetails.From(t, statement.LatestVersionNumber)).ToList();
        return new SignOnForm(statement.Slug, statement.Title, statement.Language, statement.State.ToString(), VersionDetails.From(version),
            translations);
    }
}
