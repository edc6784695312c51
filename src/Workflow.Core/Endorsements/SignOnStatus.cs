namespace Workflow.Core.Endorsements;

/// <param name="State">AwaitingConfirmation, Lapsed, AwaitingModeration, Approved or Rejected.</param>
/// <param name="Receipt">Once approved: the signature, as a receipt.</param>
/// <param name="TextToConfirm">When the text changed after the signature: the new text, to confirm or not.</param>
public sealed record SignOnStatus(string State, string StatementTitle, string OrganisationName, string SignerName, string TextHash,
    DateTimeOffset ConfirmBy, DateTimeOffset? ConfirmedAt, string? RejectionReason,
    Endorsements.SignatureReceipt? Receipt = null, Statements.VersionDetails? TextToConfirm = null,
    Drafting.TextDiffView? ChangesSinceConfirmed = null);
