using System.Globalization;

namespace Workflow.Core.Organisations;

public static class Countries
{
    // Codes that .NET's region data knows but which are not ISO 3166-1 countries.
    private static readonly HashSet<string> NotCountries = ["001", "150", "419", "029", "EU", "XK"];

    public static bool IsKnownCode(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length != 2 || !trimmed.All(char.IsAsciiLetter) || NotCountries.Contains(trimmed.ToUpperInvariant())) return false;
        try
        {
            _ = new RegionInfo(trimmed.ToUpperInvariant());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The English name of a country code, or the code itself when it is unknown.</summary>
    public static string EnglishName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
