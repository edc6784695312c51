using System.Globalization;

namespace Workflow.Core.Drafting;

/// <summary>A translation a statement offers its signers beside the text open for signature: its language and version, stored as
/// "es:2".</summary>
public readonly record struct OfferedTranslation(string Language, int Number)
{
    public override string ToString() => $"{Language}:{Number.ToString(CultureInfo.InvariantCulture)}";

    public static OfferedTranslation Parse(string stored)
    {
        var colon = stored.LastIndexOf(':');
        return new(stored[..colon], int.Parse(stored[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
