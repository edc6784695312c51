namespace Workflow.Core.Drafting;

/// <param name="Stale">The paragraph it addresses has changed in the latest version: it can no longer be accepted.</param>
/// <param name="CurrentParagraph">Where that paragraph stands in the latest version, when it has moved but not changed.</param>
public sealed record AmendmentView(Guid Id, int BaseVersionNumber, string Kind, int Paragraph, string? OriginalText, string? Text,
    string? Rationale,
    string ProposedBy, DateTimeOffset ProposedAt, string State, bool Stale, int? CurrentParagraph, string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? RejectionReason, int? ResultingVersionNumber)
{
    public static AmendmentView From(Amendment a, IReadOnlyList<string> latestParagraphs)
    {
        var at = a.State == AmendmentState.Proposed ? a.LocateIn(latestParagraphs) : a.Paragraph;
        return new(a.Id, a.BaseVersionNumber, a.Kind.ToString(), a.Paragraph, a.OriginalText, a.Text, a.Rationale, a.ProposedBy,
            a.ProposedAt,
            a.State.ToString(), a.State == AmendmentState.Proposed && at is null, at, a.DecidedBy, a.DecidedAt, a.RejectionReason,
            a.ResultingVersionNumber);
    }
}
