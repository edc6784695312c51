using System.Collections.Concurrent;
using System.Globalization;
using Workflow.Core.Organisations;

namespace Workflow.Api.Pages.Shared;

/// <summary>
/// Countries named in the reader's language and sorted by its collation ("Alemania … Grecia … Rusia" in Spanish).
/// .NET names a region only in its own language or the process's, so the names come from ICU's locale data (the same
/// library .NET uses on Linux) through icu.net.
/// </summary>
public static class CountryChoices
{
    private static readonly Lazy<IReadOnlyList<string>> Codes = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(Countries.IsKnownCode).Distinct().ToList());

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByLanguage = new();

    private static readonly Lazy<bool> IcuReady = new(() =>
    {
        Icu.Wrapper.Init();
        return true;
    });

    public static IReadOnlyList<(string Code, string Name)> InCurrentLanguage()
    {
        var culture = CultureInfo.CurrentUICulture;
        return ByLanguage.GetOrAdd(culture.Name, _ =>
        {
            var order = StringComparer.Create(culture, CompareOptions.IgnoreCase);
            return Codes.Value.Select(code => (code, Name(code, culture))).OrderBy(c => c.Item2, order).ToList();
        });
    }

    /// <summary>The country's name in the culture's language ("Rusia", "Россия", "روسيا"), or the code when ICU has none.</summary>
    public static string Name(string code, CultureInfo culture)
    {
        _ = IcuReady.Value;
        var name = new Icu.Locale("und-" + code.Trim().ToUpperInvariant()).GetDisplayCountry(new Icu.Locale(culture.Name));
        return string.IsNullOrWhiteSpace(name) ? code : name;
    }

    public static string Name(string code) => Name(code, CultureInfo.CurrentUICulture);
}
