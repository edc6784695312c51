using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <param name="Slug">The statement's address in public URLs; by default made from the title. One already taken gets a number (-2,
/// -3…).</param>
public sealed record CreateStatement(string UserId, string Title, string Body, string Language, bool AllowsFurtherSignatories,
    string? Slug = null)
    : IRequest<StatementDetails>;

public sealed class CreateStatementValidator : AbstractValidator<CreateStatement>
{
    public CreateStatementValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Title).IsStatementTitle();
        RuleFor(r => r.Body).IsStatementBody();
        RuleFor(r => r.Language).IsLanguageTag();
        RuleFor(r => r.Slug!).Must(Common.Slug.IsWellFormed).When(r => r.Slug is not null)
            .WithMessage($"'Slug' must be lower-case letters, digits and hyphens, at most {Common.Slug.MaxLength} characters.");
    }
}

public sealed class CreateStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CreateStatement, StatementDetails>
{
    public async Task<StatementDetails> Handle(CreateStatement request, CancellationToken ct)
    {
        var title = request.Title.Trim();
        // A wished slug that is taken, by anyone's statement, visible or not, is made unique like one from the title:
        // answering "taken" would tell whoever asks that a draft they cannot see exists under that name.
        var slug = await UniqueSlugAsync(request.Slug ?? Common.Slug.From(title), ct);
        var (statement, version) = Statement.Draft(slug, title, request.Body, request.Language.Trim(),
            request.AllowsFurtherSignatories, request.UserId, clock.GetUtcNow());
        db.Statements.Add(statement);
        db.StatementVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return StatementDetails.From(statement, version);
    }

    // Two statements created at once with the same title may pick the same slug; the unique index
    // rejects the second save and the retry behaviour runs this again, which then sees the first.
    private async Task<string> UniqueSlugAsync(string wished, CancellationToken ct)
    {
        // A wished slug may be longer than one made from a title; numbered, it is cut to leave room for the number.
        var stem = wished.Length > Common.Slug.MaxLength ? wished[..Common.Slug.MaxLength].TrimEnd('-') : wished;
        var taken = await db.Statements.Where(s => s.Slug == wished || s.Slug.StartsWith(stem + "-"))
            .Select(s => s.Slug).ToListAsync(ct);
        if (!taken.Contains(wished)) return wished;
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
