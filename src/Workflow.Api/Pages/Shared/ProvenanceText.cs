using Microsoft.Extensions.Localization;
using Workflow.Core.Publishing;

namespace Workflow.Api.Pages.Shared;

/// <summary>How a signature came about, in the reader's words: the drafters' own acts never read like the organisation's.</summary>
public static class ProvenanceText
{
    public static string Of(IStringLocalizer t, Workflow.Proof.Provenance? p) => p?.Kind switch
    {
        "InvitationLink" => t["signed through its own invitation link, sent to an address at {0}", p.EmailDomain ?? "?"],
        "HandedOverLink" => t["signed through an invitation link the drafters handed over, first sent to an address at {0}",
        p.EmailDomain ?? "?"], "SignOn" => t["signed on through the public form, address at {0} confirmed", p.EmailDomain ?? "?"],
        "RecordedByDrafters" => p.Note is null ? t["recorded by the drafters"] : t["recorded by the drafters: {0}", p.Note],
        "Imported" => t["imported from a published source: {0}", p.Source ?? "?"],
        _ => "",
    };
}
