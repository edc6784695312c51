namespace Workflow.Api.Tests.Support;

public static class OrganisationNames
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Distinct names without digits: the directory takes "Organisation 1" and "Organisation 11" for look-alikes of nothing, but
    /// keep them plain.</summary>
    public static string InWords(int n)
        => string.Join(' ', n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => Digits[d - '0']));
}
