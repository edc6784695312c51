using Workflow.Core.Common;

namespace Workflow.Core.Drafting;

/// <summary>Replace paragraph N, insert a paragraph after paragraph N (0: at the start), or delete paragraph N.</summary>
public enum AmendmentKind { Replace, Insert, Delete }

public enum AmendmentState { Proposed, Accepted, Rejected }

/// <summary>
/// A proposed change to one paragraph, with its rationale. It remembers the paragraph as it read when proposed, so
/// that it still applies where that paragraph has moved since, and shows as stale where the paragraph has changed.
/// </summary>
public sealed class Amendment : AggregateRoot
{
    public const int TextMaxLength = 20_000;
    public const int RationaleMaxLength = 2000;

    private Amendment() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public int BaseVersionNumber { get; private set; }
    public AmendmentKind Kind { get; private set; }
    public int Paragraph { get; private set; }
    /// <summary>The paragraph addressed, as it read in the base version; null for an insertion at the start.</summary>
    public string? OriginalText { get; private set; }
    /// <summary>The new paragraph, for a replacement or an insertion.</summary>
    public string? Text { get; private set; }
    public string? Rationale { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public AmendmentState State { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public int? ResultingVersionNumber { get; private set; }

    internal static Amendment Propose(Guid statementId, int baseVersion, IReadOnlyList<string> paragraphs, AmendmentKind kind,
        int paragraph,
        string? text, string? rationale, string userId, DateTimeOffset now)
    {
        var lowest = kind == AmendmentKind.Insert ? 0 : 1;
        if (paragraph < lowest || paragraph > paragraphs.Count)
            throw new DomainRuleException("paragraph", $"Version {baseVersion} has paragraphs 1 to {paragraphs.Count}" +
                (kind == AmendmentKind.Insert ? " (0 inserts at the start)." : "."));
        if (kind != AmendmentKind.Delete && string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException("text", "A replacement or an insertion needs the new paragraph's text.");

        var amendment = new Amendment
        {
            Id = Guid.CreateVersion7(now),
            StatementId = statementId,
            BaseVersionNumber = baseVersion,
            Kind = kind,
            Paragraph = paragraph,
            OriginalText = paragraph == 0 ? null : paragraphs[paragraph - 1],
            Text = kind == AmendmentKind.Delete ? null : text!.Trim(),
            Rationale = OptionalText.TrimmedOrNull(rationale),
            ProposedBy = userId,
            ProposedAt = now,
            State = AmendmentState.Proposed,
        };
        amendment.Raise(new DraftingEvents.AmendmentProposed(statementId, amendment.Id, baseVersion, kind, paragraph, userId, now));
        return amendment;
    }

    /// <summary>Where the addressed paragraph stands in this text (1-based; 0 for the start), or null when it changed: stale.</summary>
    public int? LocateIn(IReadOnlyList<string> paragraphs)
    {
        if (OriginalText is null) return 0;
        var same = paragraphs.Select((p, i) => (p, i)).Where(x => x.p == OriginalText).Select(x => x.i + 1).ToList();
        return same.Count == 0 ? null : same.Contains(Paragraph) ? Paragraph : same[0];
    }

    /// <summary>The paragraphs with this amendment applied where its paragraph now stands; 409 when it is stale.</summary>
    public IReadOnlyList<string> ApplyTo(IReadOnlyList<string> paragraphs)
    {
        EnsureProposed();
        var at = LocateIn(paragraphs)
            ?? throw new ConflictException("The paragraph this amendment addresses has changed since it was proposed: it is stale. " +
                "Propose it again on the latest version.");
        var result = paragraphs.ToList();
        switch (Kind)
        {
            case AmendmentKind.Replace: result[at - 1] = Text!; break;
            case AmendmentKind.Insert: result.Insert(at, Text!); break;
            case AmendmentKind.Delete: result.RemoveAt(at - 1); break;
        }
        return result;
    }

    internal void MarkAccepted(int resultingVersion, string userId, DateTimeOffset now)
    {
        EnsureProposed();
        State = AmendmentState.Accepted;
        DecidedBy = userId;
        DecidedAt = now;
        ResultingVersionNumber = resultingVersion;
        Raise(new DraftingEvents.AmendmentAccepted(StatementId, Id, resultingVersion, ProposedBy, userId, now));
    }

    public void Reject(string? reason, string userId, DateTimeOffset now)
    {
        EnsureProposed();
        State = AmendmentState.Rejected;
        DecidedBy = userId;
        DecidedAt = now;
        RejectionReason = OptionalText.TrimmedOrNull(reason);
        Raise(new DraftingEvents.AmendmentRejected(StatementId, Id, RejectionReason, userId, now));
    }

    private void EnsureProposed()
    {
        if (State != AmendmentState.Proposed) throw new ConflictException("This amendment was already " +
            $"{State.ToString().ToLowerInvariant()}.");
    }
}
