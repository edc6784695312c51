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

    internal static StatementVersion Create(Guid statementId, int number, string title, string body, string authorId, DateTimeOffset now)
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
        };
    }
}
