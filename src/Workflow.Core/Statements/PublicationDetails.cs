using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

/// <summary>
/// What kind of text a statement is. A joint statement is agreed and signed by several organisations; a single
/// organisation's statement is issued and signed by that organisation alone; an article is written by its authors and
/// signed by nobody.
/// </summary>
public enum StatementKind { Joint, Single, Article }

/// <summary>The published source a statement was taken from, as far as it is known.</summary>
public sealed record StatementSource(string? Title, string? Publisher, string? Url, DateOnly? AccessedOn)
{
    public const int TitleMaxLength = Statement.TitleMaxLength;
    public const int PublisherMaxLength = 200;
    public const int UrlMaxLength = 2000;

    public bool IsEmpty => Title is null && Publisher is null && Url is null && AccessedOn is null;

    /// <summary>Only absolute http or https addresses: a source is a page a reader can open, never a script.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <param name="IssuedBy">Who issued or wrote the text, as the source names them (an international body, a party's committee, an
/// article's writers), when that is not simply the list of signatories.</param>
/// <param name="ListIsPartial">The list names only some of those who agreed the text (for example, the source names two of the parties
/// at a conference): the list is not the whole.</param>
/// <param name="ListNote">What is known of the list's extent, for readers ("The source names 2 of the parties that agreed it").</param>
public sealed record PublicationDetails(
    StatementKind Kind, string? IssuedBy = null, bool ListIsPartial = false, string? ListNote = null, StatementSource? Source = null)
{
    public const int IssuedByMaxLength = 300;
    public const int ListNoteMaxLength = 500;
}

/// <summary>A drafter says what kind of text the statement is, who issued it, whether its list is partial, and where it was
/// published.</summary>
public sealed record SetPublicationDetails(
    string UserId, Guid StatementId, StatementKind Kind, string? IssuedBy = null, bool ListIsPartial = false, string? ListNote = null,
    StatementSource? Source = null)
    : IRequest<StatementDetails>
{
    public PublicationDetails Details => new(Kind, IssuedBy, ListIsPartial, ListNote, Source);
}

public sealed class SetPublicationDetailsValidator : AbstractValidator<SetPublicationDetails>
{
    public SetPublicationDetailsValidator()
    {
        RuleFor(d => d.UserId).NotEmpty();
        RuleFor(d => d.Kind).IsInEnum();
        RuleFor(d => d.IssuedBy!).IsOneLine(PublicationDetails.IssuedByMaxLength).When(d => d.IssuedBy is not null);
        RuleFor(d => d.ListNote!).IsOneLine(PublicationDetails.ListNoteMaxLength).When(d => d.ListNote is not null);
        RuleFor(d => d.ListNote).Null().When(d => !d.ListIsPartial)
            .WithMessage("'List Note' says how a partial list is partial: set 'List Is Partial' too.");
        RuleFor(d => d.Source!).ChildRules(source =>
        {
            source.RuleFor(s => s.Title!).IsOneLine(StatementSource.TitleMaxLength).When(s => s.Title is not null);
            source.RuleFor(s => s.Publisher!).IsOneLine(StatementSource.PublisherMaxLength).When(s => s.Publisher is not null);
            source.RuleFor(s => s.Url!).Cascade(CascadeMode.Stop).MaximumLength(StatementSource.UrlMaxLength)
                .Must(StatementSource.IsWebAddress).WithMessage("'Url' must be an absolute http or https address.")
                .When(s => s.Url is not null);
            source.RuleFor(s => s.AccessedOn).GreaterThan(new DateOnly(1990, 1, 1)).When(s => s.AccessedOn is not null);
        }).When(d => d.Source is not null);
    }
}

public sealed class SetPublicationDetailsHandler(WorkflowDb db, TimeProvider clock)
    : IRequestHandler<SetPublicationDetails, StatementDetails>
{
    public Task<StatementDetails> Handle(SetPublicationDetails request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s =>
            s.SetPublicationDetails(request.Details, request.UserId, clock.GetUtcNow()), ct);
}
