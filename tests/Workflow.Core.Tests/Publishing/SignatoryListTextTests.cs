using Workflow.Core.Publishing;

namespace Workflow.Core.Tests.Publishing;

public sealed class SignatoryListTextTests
{
    private static readonly DateTimeOffset AsOf = new(2023, 2, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Renders_numbered_initial_signatories_as_of_the_date_then_the_subsequent_ones()
    {
        var list = new SignatoryList("icor", "Solidarity with the struggle of the Peruvian people", "Published", AsOf, true, 1, new string('a', 64),
        [
            new Signatory(1, "Parti Communiste Proletarien de Côte d'Ivoire", "Proletarian Communist Party of Ivory Coast", "PCPCI", "CI", AsOf, "Initial"),
            new Signatory(2, "Rode Morgen", "Red Dawn", "RM", "NL", AsOf, "Initial"),
            new Signatory(3, "Partija Rada - ByH", "Party of Labor - Bosnia and Herzegovina", "PR-ByH", "BA", AsOf.AddMonths(1), "Subsequent"),
        ]);

        var text = SignatoryListText.Render(list);

        Assert.StartsWith("Solidarity with the struggle of the Peruvian people\n\nSignatories (as of 7 February 2023, further signatories possible):\n\n", text);
        Assert.Contains("  1. PCPCI Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast), Côte d’Ivoire\n\n", text);
        Assert.Contains("  2. RM Rode Morgen (Red Dawn), Netherlands\n\n", text);
        Assert.Contains("Subsequent signatories:\nPR-ByH Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina), Bosnia & Herzegovina\n", text);
        Assert.EndsWith($"Text signed: version 1, SHA-256 {new string('a', 64)}\n", text);
    }

    [Fact]
    public void A_closed_list_does_not_promise_further_signatories_and_an_english_name_equal_to_the_name_is_not_repeated()
    {
        var list = new SignatoryList("s", "T", "Closed", AsOf, false, 2, new string('b', 64),
            [new Signatory(1, "Communist Party USA", "Communist Party USA", "CPUSA", "US", AsOf, "Initial")]);

        var text = SignatoryListText.Render(list);

        Assert.Contains("Signatories (as of 7 February 2023):", text);
        Assert.Contains("1. CPUSA Communist Party USA, United States\n", text);
        Assert.DoesNotContain("Subsequent", text);
    }
}
