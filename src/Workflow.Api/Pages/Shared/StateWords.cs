using Microsoft.Extensions.Localization;

namespace Workflow.Api.Pages.Shared;

/// <summary>
/// The states, statuses and roles the use cases name as identifiers (OpenForSignature, AwaitingModeration), as words in
/// the reader's language. Every one is a literal key here, so the language test sees it.
/// </summary>
public static class StateWords
{
    public static string Of(IStringLocalizer t, string value) => value switch
    {
        "Draft" => t["Draft"],
        "OpenForSignature" => t["Open for signature"],
        "Published" => t["Published"],
        "Closed" => t["Closed"],
        "Withdrawn" => t["Withdrawn"],
        "Held" => t["Held"],
        "Created" => t["Created"],
        "Sent" => t["Sent"],
        "DeliveryFailed" => t["Delivery failed"],
        "Opened" => t["Opened"],
        "Signed" => t["Signed"],
        "Declined" => t["Declined"],
        "Expired" => t["Expired"],
        "Revoked" => t["Revoked"],
        "Active" => t["Active"],
        "Invalidated" => t["Invalidated"],
        "AwaitingConfirmation" => t["Awaiting confirmation"],
        "AwaitingModeration" => t["Awaiting moderation"],
        "Lapsed" => t["Lapsed"],
        "Approved" => t["Approved"],
        "Rejected" => t["Rejected"],
        "Proposed" => t["Proposed"],
        "Accepted" => t["Accepted"],
        "Replace" => t["Replace"],
        "Insert" => t["Insert"],
        "Delete" => t["Delete"],
        "Viewer" => t["Viewer"],
        "Commenter" => t["Commenter"],
        "Editor" => t["Editor"],
        "Owner" => t["Owner"],
        _ => value,
    };
}
