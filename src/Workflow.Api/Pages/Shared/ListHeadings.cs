using System.Globalization;
using Microsoft.Extensions.Localization;
using Workflow.Core.Publishing;

namespace Workflow.Api.Pages.Shared;

/// <summary>The heading of a list's initial signatories, in the reader's language: the public page's and the publish preview's.</summary>
public static class ListHeadings
{
    public static string Initial(IStringLocalizer t, SignatoryList list) => list.AsOf is { } date
        ? list.AcceptsFurtherSignatories
            ? t["Signatories as of {0}, further signatories possible", InterfaceDates.Day(date)]
            : t["Signatories as of {0}", InterfaceDates.Day(date)]
        : list.AcceptsFurtherSignatories ? t["Signatories, further signatories possible"] : t["Signatories"];
}
