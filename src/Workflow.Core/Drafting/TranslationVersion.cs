using Workflow.Core.Common;

namespace Workflow.Core.Drafting;

/// <summary>
/// One saved text of a statement's translation into one language, numbered per language and immutable like the
/// primary versions. It names the primary version it translates: when the primary text moves on, it is stale.
/// </summary>
public sealed class TranslationVersion : AggregateRoot
{
    private TranslationVersion() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    /// <summary>BCP 47 tag, as the statement's translations are keyed: language lower case, region upper case.</summary>
    public string Language { get; private set; } = "";
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string TextHash { get; private set; } = "";
    public int TranslatesVersion { get; private set; }
    public string AuthorId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? ChangeNote { get; private set; }

    internal static TranslationVersion Create(Guid statementId, string language, int number, string title, string body,
        int translatesVersion,
        string authorId, string? changeNote, DateTimeOffset now)
    {
        var normalised = Common.TextHash.NormaliseLineEndings(body);
        var version = new TranslationVersion
        {
            Id = Guid.CreateVersion7(now),
            StatementId = statementId,
            Language = language,
            Number = number,
            Title = title.Trim(),
            Body = normalised,
            TextHash = Common.TextHash.Of(title.Trim(), normalised),
            TranslatesVersion = translatesVersion,
            AuthorId = authorId,
            CreatedAt = now,
            ChangeNote = OptionalText.TrimmedOrNull(changeNote),
        };
        version.Raise(new DraftingEvents.TranslationAdded(statementId, language, number, translatesVersion, version.TextHash, authorId,
            now));
        return version;
    }
}
