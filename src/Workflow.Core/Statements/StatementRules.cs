using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Workflow.Core.Statements;

/// <summary>Validation rules shared by the requests that carry a statement's text.</summary>
public static partial class StatementRules
{
    public static IRuleBuilderOptions<T, string> IsStatementTitle<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty() // also refuses white space only
            .MaximumLength(Statement.TitleMaxLength);

    public static IRuleBuilderOptions<T, string> IsStatementBody<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotNull()
            .Must(b => Encoding.UTF8.GetByteCount(b) <= Statement.BodyMaxBytes)
            .WithMessage($"'Body' must be at most {Statement.BodyMaxBytes / 1024} KB of UTF-8 text.");

    public static IRuleBuilderOptions<T, string> IsLanguageTag<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Must(l => LanguageTag().IsMatch(l)).WithMessage("'Language' must be a BCP 47 language tag such as en, es or pt-BR.");

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$")]
    private static partial Regex LanguageTag();
}
