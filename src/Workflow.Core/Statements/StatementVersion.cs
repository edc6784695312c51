using Workflow.Core.Common;

namespace Workflow.Core.Statements;

/// <summary>One saved text of a statement. Never changed after it is written; signatures point at it by number and hash.</summary>
public sealed class StatementVersion
{
    private StatementVersion() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Markdown, line endings normalised to LF.</summary>
    public string Body { get; private set; } = "";
    /// <summary>SHA-256 (hex) of the title and body: see <see cref="Common.TextHash.Of"/>.</summary>
    public string TextHash { get; private set; } = "";
    public string AuthorId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>What changed and why, in the author's words.</summary>
    public string? ChangeNote { get; private set; }
    /// <summary>The older version whose text this one brings back, when it was made by a restore.</summary>
    public int? RestoredFrom { get; private set; }
    /// <summary>Whose amendment this version adopts: the proposer is credited, the one who accepted it is the author.</summary>
    public string? CreditedTo { get; private set; }

    public const int ChangeNoteMaxLength = 500;

    internal static StatementVersion Create(Guid statementId, int number, string title, string body, string authorId, DateTimeOffset now,
        string? changeNote = null, int? restoredFrom = null, string? creditedTo = null)
    {
        var normalisedBody = Common.TextHash.NormaliseLineEndings(body);
        return new StatementVersion
        {
            Id = Guid.CreateVersion7(now),
            StatementId = statementId,
            Number = number,
            Title = title,
            Body = normalisedBody,
            TextHash = Common.TextHash.Of(title, normalisedBody),
            AuthorId = authorId,
            CreatedAt = now,
            ChangeNote = OptionalText.TrimmedOrNull(changeNote),
            RestoredFrom = restoredFrom,
            CreditedTo = creditedTo,
        };
    }

    /// <summary>
    /// Refuses (409, with this version's hash and number) an agreement given to another text than this one: the hash the
    /// signer was shown must be this version's. <paramref name="again"/> says what to do after reloading: "sign", "confirm".
    /// </summary>
    public void EnsureIsTheTextShown(string textHash, string again)
    {
        if (!Common.TextHash.Same(textHash, TextHash))
            throw new ConflictException("The text open for signature is not the text you were shown. Reload it, read it, and " +
                $"{again} again.",
                new Dictionary<string, object?> { ["textHash"] = TextHash, ["versionNumber"] = Number });
    }
}
