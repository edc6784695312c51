using Workflow.Core.Publishing;

namespace Workflow.Core.Tests.Publishing;

public sealed class SignatoryListTextTests
{
    private static readonly DateTimeOffset AsOf = new(2023, 2, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Renders_numbered_initial_signatories_as_of_the_date_then_the_subsequent_ones()
    {
        var list = new SignatoryList("icor", "Solidarity with the struggle of the Peruvian people", "Published", AsOf,
            true, 1, new string('a', 64),
        [
            new Signatory(1, "Parti Communiste Proletarien de Côte d'Ivoire", "Proletarian Communist Party of Ivory Coast", "PCPCI",
                "CI", AsOf, "Initial"),
            new Signatory(2, "Rode Morgen", "Red Dawn", "RM", "NL", AsOf, "Initial"),
            new Signatory(3, "Partija Rada - ByH", "Party of Labor - Bosnia and Herzegovina", "PR-ByH", "BA",
                AsOf.AddMonths(1), "Subsequent"),
        ]);

        var text = SignatoryListText.Render(list);

        Assert.StartsWith("Solidarity with the struggle of the Peruvian people\n\nJoint statement\nPublished: 7 February 2023\n\n"
            + "Signatories (as of 7 February 2023, further signatories possible):\n\n", text);
        Assert.Contains(
            "  1. PCPCI Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast), Côte d’Ivoire\n\n",
            text);
        Assert.Contains("  2. RM Rode Morgen (Red Dawn), Netherlands\n\n", text);
        Assert.Contains(
            "Subsequent signatories:\n\n  3. PR-ByH Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina), Bosnia & Herzegovina\n",
            text);
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

    [Fact]
    public void Unknown_dates_are_written_as_not_known_and_the_issuer_partial_list_and_source_are_stated()
    {
        var list = new SignatoryList("caracas", "Solidarity with the people of Peru!", "Published", null, false, 1, new string('c', 64),
            [new Signatory(1, "Peruvian Communist party", null, null, null, null, "Initial", Initiator: true),
                new Signatory(2, "CPGB-ML", null, null, null, null, "Initial")],
            Kind: "Joint", IssuedBy: "The political parties meeting in Caracas", ListIsPartial: true,
            ListNote: "The source names 2 of the parties that agreed it.",
            Source: new Workflow.Core.Statements.StatementSource("Solidarity with the people of Peru!", null, "https://example.org/peru",
                new DateOnly(2026, 11, 30)));

        var text = SignatoryListText.Render(list);

        Assert.StartsWith("Solidarity with the people of Peru!\n\nJoint statement issued by The political parties meeting in Caracas\n"
            + "Published: date not known\n"
            + "Partial list: The source names 2 of the parties that agreed it.\n"
            + "Source: \u201CSolidarity with the people of Peru!\u201D, https://example.org/peru, accessed 30 November 2026\n\n", text);
        Assert.Contains("\nSignatories:\n\n  1. Peruvian Communist party\n\n  2. CPGB-ML\n", text);
        Assert.Contains("\nSignatories:\n  2. CPGB-ML\n  1. Peruvian Communist party\n",
            SignatoryListText.Render(list, ListOrder.Alphabetical));
        Assert.Contains(",Initial,date not known,True", ListFormats.Csv(list, ListOrder.Signing));
        var atom = ListFormats.Atom(
            list with { Signatories = [list.Signatories[0] with { RecordedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) }] },
            "https://example.org/statements/caracas", DateTimeOffset.UnixEpoch);
        Assert.Contains("(initial signatory, date not known)", atom);
        Assert.DoesNotContain("<published>", atom);
        Assert.Equal("2 signatories named (the list is partial)", ListFormats.Count(list));
    }

    [Fact]
    public void An_article_is_by_its_writers_and_lists_nobody()
    {
        var list = new SignatoryList("p", "Against US aggression", "Published", null, false, 1, new string('d', 64), [], Kind: "Article",
            IssuedBy: "Proletarian writers");

        Assert.Equal("Against US aggression\n\nArticle by Proletarian writers\nPublished: date not known\n"
            + "An article is by its writers: it has no signatories.\n\n",
            SignatoryListText.Render(list));
    }
}
