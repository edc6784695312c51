using System.Text;
using FluentValidation;

namespace Workflow.Core.Statements;

/// <summary>Validation rules shared by the requests that carry a statement's text.</summary>
public static class StatementRules
{
    // Cascade(Stop): a missing value is reported as missing, and the later checks never see null.

    /// <summary>
    /// One line, by the same rule as names: a line break in a title would let two different texts share one hash
    /// (title, "\n\n", body), and the title is printed into lists, feeds and e-mail subjects like a name.
    /// </summary>
    public static IRuleBuilderOptions<T, string> IsStatementTitle<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty() // also refuses white space only
            .MaximumLength(Statement.TitleMaxLength)
            .Must(Common.SingleLineText.IsSingleLine).WithMessage("'Title' must be one line, without line breaks, control characters or " +
                "invisible formatting characters.");

    /// <summary>A short text shown on one line (an issuer, a note, a source's title): not blank, no line breaks or control
    /// characters.</summary>
    public static IRuleBuilderOptions<T, string> IsOneLine<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(maxLength)
            .Must(t => !t.Any(char.IsControl)).WithMessage("'{PropertyName}' must be one line, without control characters.");

    public static IRuleBuilderOptions<T, string> IsStatementBody<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(b => Encoding.UTF8.GetByteCount(b) <= Statement.BodyMaxBytes)
            .WithMessage($"'Body' must be at most {Statement.BodyMaxBytes / 1024} KB of UTF-8 text.")
            .Must(Common.MarkdownRenderer.CanRender)
            .WithMessage("'Body' nests quotes or lists too deeply to be shown.");

    public static IRuleBuilderOptions<T, string> IsLanguageTag<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(Common.LanguageTag.IsWellFormed).WithMessage("'Language' must be a BCP 47 language tag such as en, es or pt-BR.");
}
