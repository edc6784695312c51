using Workflow.Core.Publishing;
using Workflow.Proof;

namespace Workflow.Core.Tests.Publishing;

/// <summary>
/// The lists every format is written from in the byte tests, here and in the Api's tests (which link this file), and
/// the check against the files they wrote before: WORKFLOW_WRITE_FORMATS=1 writes the files afresh.
/// </summary>
public static class FormatSamples
{
    private static readonly DateTimeOffset AsOf = new(2023, 2, 7, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Name, SignatoryList List)> Lists() => [("joint", Joint()), ("subsequent-only", SubsequentOnly()),
        ("article", Article())];

    public static void AssertWritesTheFile(string folder, string name, string actual)
    {
        var file = Path.Combine(folder, name);
        if (Environment.GetEnvironmentVariable("WORKFLOW_WRITE_FORMATS") == "1") File.WriteAllText(file, actual);
        Assert.True(File.Exists(file), $"{file} is missing");
        Assert.Equal(File.ReadAllText(file), actual);
    }

    public static SignatoryList Joint()
    {
        var signatories = new List<Signatory>
        {
            // Initiators first, in their order, whatever their numbers.
            new(7, "Partido Comunista del Perú", "Communist Party of Peru", "PCP", "PE", AsOf, "Initial", Initiator: true,
                Provenance: new Provenance("InvitationLink", "pcp.pe", null, null, null)),
            new(2, "Rode Morgen", "Red Dawn", "RM", "NL", AsOf, "Initial", Initiator: true),
        };
        for (var n = 1; n <= 120; n++)
        {
            if (n is 2 or 7 or 13) continue; // 13 withdrew: its number stays unused
            var phase = n > 90 ? "Subsequent" : "Initial";
            var name = (n % 9) switch
            {
                0 => $"=HYPERLINK(\"x\") Party {n}",
                1 => $"Партия труда {n}",
                2 => $"حزب العمال {n}",
                3 => $"*Bold* [link](x) #{n} <b>&amp;</b> \"quoted\", comma",
                4 => $"Two\nlines {n}",
                5 => $"-minus {n}",
                6 => $"@at {n}",
                _ => $"Organisation {n}",
            };
            signatories.Add(new Signatory(n, name, n % 3 == 0 ? $"English {n}" : null, n % 4 == 0 ? $"A{n}" : null,
                (n % 5) switch { 0 => null, 1 => "CI", 2 => "BA", 3 => "TR", _ => "GB" },
                n % 7 == 0 ? null : AsOf.AddDays(n), phase, n % 11 == 0 ? 2 : 1));
        }
        return new SignatoryList("icor", "Solidarity *with* the <Peruvian> people\nsecond line", "Published", AsOf, true, 2,
            new string('a', 64), signatories,
            LogSize: 118, LogRoot: new string('f', 64), IssuedBy: "ICOR & friends",
            Source: new Workflow.Core.Statements.StatementSource("Source title", "Publisher", "https://example.org/s",
                new DateOnly(2026, 11, 30)));
    }

    public static SignatoryList SubsequentOnly() => new("later", "Later", "Closed", null, false, 1, new string('b', 64),
        [new Signatory(1, "Only Later", null, null, "DE", AsOf, "Subsequent"),
            new Signatory(1000, "Number Thousand", null, "NT", null, null, "Subsequent")],
        ListIsPartial: true, ListNote: "Some agreed by telephone.");

    public static SignatoryList Article() =>
        new("p", "Against aggression", "Published", null, false, 1, new string('d', 64), [], Kind: "Article", IssuedBy: "Writers");
}
