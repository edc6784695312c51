using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Core.Common;

namespace Workflow.Core.Tests.Common;

public sealed partial class MessagesTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    [Fact]
    public void A_message_is_translated_whole_and_a_formatted_one_through_its_template()
    {
        Assert.Equal("El archivo CSV está vacío.", Messages.Translate("The CSV file is empty.", Spanish));
        Assert.Equal("Red Dawn ya ha firmado esta declaración.",
            Messages.Translate("Red Dawn has already signed this statement.", Spanish));
        // An argument that is a key itself is translated too.
        Assert.Equal("No se ha podido encontrar la invitación.", Messages.Translate("No invitation was found.", Spanish));
        Assert.Equal("Не удалось найти приглашение.", Messages.Translate("No invitation was found.", CultureInfo.GetCultureInfo("ru-RU")));
        Assert.Equal("لا يمكن نشر إلا بيان مفتوح للتوقيع (الحالة: مسودة).",
            Messages.Translate("The statement is a draft; only a statement open for signature can be published.",
                CultureInfo.GetCultureInfo("ar")));
    }

    [Fact]
    public void English_and_messages_without_a_key_stay_as_they_are()
    {
        Assert.Equal("The CSV file is empty.", Messages.Translate("The CSV file is empty.", CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Something nobody translated.", Messages.Translate("Something nobody translated.", Spanish));
    }

    /// <summary>
    /// Every message Core writes as one literal (a domain exception's, a validator's) has a key, so that it reaches every
    /// language; a formatted message is held by its template, which the translations test checks in every language.
    /// </summary>
    [Fact]
    public void Every_literal_message_of_the_domain_has_a_key()
    {
        var core = Path.Combine(RepositoryPaths.Root, "src", "Workflow.Core");
        var keys = Messages.Keys.ToHashSet(StringComparer.Ordinal);
        var literals = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => LiteralMessage().Matches(File.ReadAllText(f))
                .Select(m => (File: Path.GetFileName(f), Text: Joined(m.Groups["text"]))))
            .Select(m => m with { Text = NamedPlaceholder().Replace(m.Text, "{0}") })
            .ToList();
        Assert.True(literals.Count > 80, $"Only {literals.Count} messages found: is the pattern still right?");
        var missing = literals.Where(m => !keys.Contains(m.Text))
            .Select(m => $"{m.File}: {m.Text}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Messages without a key in Common/Messages.resx:\n" + string.Join("\n", missing));
    }

    private static string Joined(Group parts) => string.Concat(parts.Captures.Select(c => Regex.Unescape(c.Value)));

    /// <summary>
    /// <c>new ConflictException("…" + "…"</c>, <c>new DomainRuleException(field, "…"</c>, <c>.WithMessage("…")</c>: plain
    /// literals only (an interpolated message is a template's business).
    /// </summary>
    [GeneratedRegex("""(?:new (?:NotFound|Forbidden|Conflict|TooManyRequests)Exception\(|new DomainRuleException\([^,()]+,|WithMessage\()\s*(?:"(?<text>(?:[^"\\]|\\.)*)"\s*\+\s*)*"(?<text>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex LiteralMessage();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex NamedPlaceholder();
}
