using System.Globalization;
using Workflow.Core.Organisations;

namespace Workflow.Api.Pages.Shared;

/// <summary>The countries a form offers, named in the reader's language and sorted for it.</summary>
public static class CountryChoices
{
    private static readonly Lazy<IReadOnlyList<string>> Codes = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(Countries.IsKnownCode).Distinct().ToList());

    public static IReadOnlyList<(string Code, string Name)> InCurrentLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        return Codes.Value.Select(code => (code, new RegionInfo(code).DisplayName))
            .OrderBy(c => c.DisplayName, StringComparer.Create(culture, ignoreCase: true)).ToList();
    }
}
