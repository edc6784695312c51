using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Seeding;

/// <summary>The service with the seeds imported on a day none of the sources mentions, so that day can be looked for.</summary>
public sealed class SeededService : IAsyncLifetime
{
    public static readonly DateTimeOffset ImportDay = new(2026, 6, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>How the import day would read if a page or a format showed it.</summary>
    public static readonly string[] ImportDayWritten = ["15 June 2026", "15 de junio de 2026", "2026-06-15"];

    public WorkflowApiFactory Factory { get; } = WorkflowApiFactory.With(importSeeds: true, clock: new TestClock(ImportDay));

    public HttpClient Client => Factory.CreateClient();

    public Task InitializeAsync()
    {
        _ = Factory.Server; // starts the service, which imports the seeds
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}

/// <summary>
/// Each seed as its source has it (the copies in shared/seeds): no date, country, name or signatory the source does not give,
/// and what it does give — an issuer, an author, a list known to be partial — shown.
/// </summary>
public sealed class SeedFidelityTests(SeededService service) : IClassFixture<SeededService>
{
    private const string Icor = "icor-resolution-peru-2023";
    private const string Caracas = "caracas-joint-statement-peru-2023";
    private const string Pcv = "pcv-solidarity-with-the-peruvian-people-2023";
    private const string Cpusa = "cpusa-hands-off-peru-2023";
    private const string Proletarian = "proletarian-solidarity-with-the-people-of-peru-2023";

    private Task<JsonObject> StatementAsync(string slug) => GetJsonAsync($"/api/public/statements/{slug}");

    private Task<JsonObject> ListAsync(string slug) => GetJsonAsync($"/api/public/statements/{slug}/signatories");

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await service.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The statement's page and every format of its list, by name, as a reader sees them (HTML's character references
    /// decoded).</summary>
    private async Task<Dictionary<string, string>> EverythingShownAsync(string slug)
    {
        var shown = new Dictionary<string, string>();
        foreach (var path in new[]
                 {
                     $"/statements/{slug}", $"/statements/{slug}?order=Alphabetical", $"/statements/{slug}?order=Country", "/statements",
                     $"/statements/{slug}/signatories.txt", $"/statements/{slug}/signatories.txt?order=Country",
                     $"/statements/{slug}/signatories.md",
                     $"/statements/{slug}/signatories.csv", $"/statements/{slug}/signatories.json", $"/statements/{slug}/print",
                     $"/statements/{slug}/feed.atom", $"/statements/{slug}/widget", $"/api/public/statements/{slug}",
                     $"/api/public/statements/{slug}/signatories", "/api/public/statements",
                 })
        {
            var response = await service.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            shown[path] = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        var spanish = new HttpRequestMessage(HttpMethod.Get, $"/statements/{slug}");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        shown[$"/statements/{slug} (es)"] =
            WebUtility.HtmlDecode(await (await service.Client.SendAsync(spanish)).Content.ReadAsStringAsync());
        return shown;
    }

    [Theory]
    [InlineData(Cpusa)]
    [InlineData(Proletarian)]
    public async Task A_statement_whose_source_gives_no_date_shows_none_and_never_the_day_it_was_imported(string slug)
    {
        Assert.Null((await StatementAsync(slug))["publishedAt"]);
        Assert.Null((await ListAsync(slug))["asOf"]);
        var summary = (await (await service.Client.GetAsync("/api/public/statements")).JsonArrayAsync()).Single(s => s.Str("slug") == slug);
        Assert.Null(summary!["publishedAt"]);

        var shown = await EverythingShownAsync(slug);
        // Atom needs an instant for each entry: the feed's is when Workflow recorded it, and it never calls that a signing date.
        foreach (var (path, content) in shown.Where(p => !p.Key.EndsWith("feed.atom", StringComparison.Ordinal)))
            foreach (var day in SeededService.ImportDayWritten)
                Assert.False(content.Contains(day, StringComparison.Ordinal), $"{path} shows the import day ({day})");
        Assert.Contains("Publication date not known", shown[$"/statements/{slug}"]);
        Assert.Contains("Fecha de publicación desconocida", shown[$"/statements/{slug} (es)"]);
        Assert.Contains("Published: date not known", shown[$"/statements/{slug}/signatories.txt"]);
        Assert.Contains("Published: date not known", shown[$"/statements/{slug}/print"]);
        Assert.DoesNotContain("Signatories as of", shown[$"/statements/{slug}"]);
    }

    [Fact]
    public async Task The_cpusa_signature_has_no_date_in_any_format()
    {
        var signatory = Assert.Single((await ListAsync(Cpusa))["signatories"]!.AsArray());
        Assert.Null(signatory!["signedAt"]);
        var shown = await EverythingShownAsync(Cpusa);
        Assert.Contains(",date not known,", shown[$"/statements/{Cpusa}/signatories.csv"]);
        Assert.Contains("(initial signatory, date not known)", shown[$"/statements/{Cpusa}/feed.atom"]);
        Assert.DoesNotContain("<published>", shown[$"/statements/{Cpusa}/feed.atom"]);
        Assert.Contains("Signatories:\n", shown[$"/statements/{Cpusa}/signatories.txt"]); // not "as of" the import day
    }

    [Fact]
    public async Task The_three_subsequent_signatories_of_the_icor_resolution_have_no_date()
    {
        var list = await ListAsync(Icor);
        Assert.Equal("2023-02-07", list["asOf"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd"));
        var subsequent = list["signatories"]!.AsArray().Where(s => s.Str("phase") == "Subsequent").ToList();
        Assert.Equal(["PR-ByH", "PCP (independiente)", "PML del Perú"], subsequent.Select(s => s.Str("acronym")));
        Assert.All(subsequent, s => Assert.Null(s!["signedAt"]));
        // The source lists the others "as of 7 February 2023": when each of them signed, it does not say either.
        Assert.All(list["signatories"]!.AsArray(), s => Assert.Null(s!["signedAt"]));

        var shown = await EverythingShownAsync(Icor);
        foreach (var (path, content) in shown)
            foreach (var day in SeededService.ImportDayWritten.Where(d => !path.EndsWith("feed.atom", StringComparison.Ordinal)))
                Assert.False(content.Contains(day, StringComparison.Ordinal), $"{path} shows the import day ({day})");
        Assert.Contains("Signatories (as of 7 February 2023, further signatories possible):", shown[$"/statements/{Icor}/signatories.txt"]);
        Assert.Contains("Signatories as of 7 February 2023, further signatories possible", shown[$"/statements/{Icor}"]);
    }

    [Fact]
    public async Task No_signatory_has_a_country_its_source_does_not_name()
    {
        // Against the structured seeds, which were checked line by line against the sources…
        var seedDirectory = Path.Combine(AppContext.BaseDirectory, "seeds");
        var seeds = Directory.GetFiles(seedDirectory, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        Assert.Equal(5, seeds.Count);
        foreach (var seed in seeds)
        {
            var listed = (await ListAsync(seed.Str("slug")))["signatories"]!.AsArray();
            var expected = seed["signatories"]!.AsArray();
            Assert.Equal(expected.Count, listed.Count);
            foreach (var s in expected)
            {
                var shown = listed.Single(l => l.Str("name") == s.Str("name"));
                Assert.Equal(s!["country"]?.GetValue<string>(), shown!["country"]?.GetValue<string>());
            }
        }

        // …and by hand from shared/seeds/004: eight of the resolution's 31 signatories are given a country, the others none.
        var icor = (await ListAsync(Icor))["signatories"]!.AsArray();
        var withCountry = icor.Where(s => s!["country"] is not null).ToDictionary(s => s.Str("acronym"), s => s.Str("country"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["PPDS"] = "TN", ["NDMLP"] = "LK", ["UPML"] = "FR", ["RM"] = "NL", ["KSRD"] = "UA", ["UoC"] = "CY", ["BDP"] = "PE",
            ["PC (ML)"] = "DO",
        }, withCountry);
        Assert.Equal(23, icor.Count(s => s!["country"] is null));
        var text = await service.Client.GetStringAsync($"/statements/{Icor}/signatories.txt");
        Assert.Contains("\n   4. CPSA (ML) Communist Party of South Africa (Marxist-Leninist)\n", text);
        Assert.Contains("\n  14. MLPD Marxistisch-Leninistische Partei Deutschlands (Marxist-Leninist Party of Germany)\n", text);
        Assert.Contains("\n   6. PPDS Parti Patriotique Démocratique Socialiste (Patriotic Democratic Socialist Party), Tunisia\n", text);
        Assert.Contains("\n  27. PC (ML) Partido Comunista (Marxista Leninista) (Communist Party (Marxist-Leninist)), Dominican Republic\n",
            text);
        Assert.Contains("\n  29. PR-ByH Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina)\n", text);

        // shared/seeds/000, 001 and 002 name no country for their signatories.
        foreach (var slug in new[] { Caracas, Pcv, Cpusa })
            Assert.All((await ListAsync(slug))["signatories"]!.AsArray(), s => Assert.Null(s!["country"]));
    }

    [Fact]
    public async Task The_russian_maoist_party_keeps_the_transliteration_its_source_gives()
    {
        var rmp = (await ListAsync(Icor))["signatories"]!.AsArray().Single(s => s.Str("acronym") == "RMP");
        Assert.Equal("Российская маоистская партия (Rossijskaya maoistskaya partiya)", rmp.Str("name"));
        Assert.Equal("Russian Maoist Party", rmp.Str("nameEnglish"));
        var text = await service.Client.GetStringAsync($"/statements/{Icor}/signatories.txt");
        Assert.Contains("\n  19. RMP Российская маоистская партия (Rossijskaya maoistskaya partiya) (Russian Maoist Party)\n", text);
    }

    [Fact]
    public async Task The_icor_resolution_is_shown_as_issued_by_icor()
    {
        var statement = await StatementAsync(Icor);
        Assert.Equal("ICOR", statement.Str("issuedBy"));
        Assert.Equal("Joint", statement.Str("kind"));
        Assert.Equal("ICOR", (await ListAsync(Icor)).Str("issuedBy"));
        var shown = await EverythingShownAsync(Icor);
        Assert.Contains("Joint statement issued by ICOR", shown[$"/statements/{Icor}"]);
        Assert.Contains("Declaración conjunta emitida por ICOR", shown[$"/statements/{Icor} (es)"]);
        Assert.Contains("Joint statement issued by ICOR\n", shown[$"/statements/{Icor}/signatories.txt"]);
        Assert.Contains("Joint statement issued by ICOR", shown[$"/statements/{Icor}/signatories.md"]);
        Assert.Contains("Joint statement issued by ICOR", shown[$"/statements/{Icor}/print"]);
        Assert.Contains("Joint statement issued by ICOR", shown[$"/statements/{Icor}/feed.atom"]);
        Assert.Contains("Joint statement issued by ICOR", shown[$"/statements/{Icor}/widget"]);
        Assert.Equal("Solidarity with the struggle of the Peruvian people", statement["source"]!.Str("title"));
        Assert.Contains("Source: \u201CSolidarity with the struggle of the Peruvian people\u201D",
            shown[$"/statements/{Icor}/signatories.txt"]);
    }

    [Fact]
    public async Task The_caracas_statement_says_its_list_names_only_some_of_the_parties_that_agreed_it()
    {
        var statement = await StatementAsync(Caracas);
        Assert.True(statement["listIsPartial"]!.GetValue<bool>());
        Assert.StartsWith("The source names 2 of the parties that agreed it", statement.Str("listNote"));
        Assert.StartsWith("The political parties meeting on the occasion of the international conference", statement.Str("issuedBy"));
        var list = await ListAsync(Caracas);
        Assert.True(list["listIsPartial"]!.GetValue<bool>());
        // The parties as shared/seeds/000 names them: "the Peruvian Communist party" (which initiated it) and "the CPGB-ML".
        Assert.Equal(["Peruvian Communist party", "CPGB-ML"], list["signatories"]!.AsArray().Select(s => s.Str("name")));
        Assert.All(list["signatories"]!.AsArray(), s => Assert.Null(s!["acronym"]));
        Assert.True(list["signatories"]![0]!["initiator"]!.GetValue<bool>());

        var shown = await EverythingShownAsync(Caracas);
        var page = shown[$"/statements/{Caracas}"];
        Assert.DoesNotContain("Signatories (2)", page);
        Assert.Contains("Signatories named (2; the list is partial)", page);
        Assert.Contains("The source names 2 of the parties that agreed it", page);
        Assert.Contains("2 signatories named (the list is partial)", shown["/statements"]);
        Assert.Contains("Partial list: The source names 2 of the parties that agreed it", shown[$"/statements/{Caracas}/signatories.txt"]);
        Assert.Contains("Partial list: The source names 2 of the parties that agreed it", shown[$"/statements/{Caracas}/print"]);
        Assert.Contains("2 signatories named (the list is partial)", shown[$"/statements/{Caracas}/widget"]);
    }

    [Fact]
    public async Task The_proletarian_article_is_shown_as_an_article_by_its_writers_signed_by_nobody()
    {
        var statement = await StatementAsync(Proletarian);
        Assert.Equal("Article", statement.Str("kind"));
        Assert.Equal("Proletarian writers", statement.Str("issuedBy"));
        Assert.Equal(0, statement["signatoryCount"]!.GetValue<int>());
        Assert.Empty((await ListAsync(Proletarian))["signatories"]!.AsArray());

        var shown = await EverythingShownAsync(Proletarian);
        var page = shown[$"/statements/{Proletarian}"];
        Assert.Contains("Article by Proletarian writers", page);
        Assert.DoesNotContain("signatories-heading", page);
        Assert.DoesNotContain("CPGB", page);
        Assert.Contains("Article by Proletarian writers\n", shown[$"/statements/{Proletarian}/signatories.txt"]);
        Assert.DoesNotContain("Signatories", shown[$"/statements/{Proletarian}/signatories.txt"]);
        Assert.Contains("Article by Proletarian writers", shown[$"/statements/{Proletarian}/widget"]);
    }

    [Fact]
    public async Task The_single_statements_name_their_signer_as_their_sources_do()
    {
        // shared/seeds/001 ends "PolitBureau of the Central Committee Communist Party of Venezuela (PCV)".
        var pcv = await StatementAsync(Pcv);
        Assert.Equal("Single", pcv.Str("kind"));
        Assert.Equal("PolitBureau of the Central Committee Communist Party of Venezuela (PCV)", pcv.Str("issuedBy"));
        Assert.Equal("2023-01-18", pcv["publishedAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd"));
        var pcvSigner = Assert.Single((await ListAsync(Pcv))["signatories"]!.AsArray());
        Assert.Equal("PolitBureau of the Central Committee Communist Party of Venezuela", pcvSigner.Str("name"));
        Assert.Equal("PCV", pcvSigner.Str("acronym"));
        Assert.Null(pcvSigner!["nameEnglish"]);

        // shared/seeds/002: "The CPUSA International Department and Peace and Solidarity Commission denounces…".
        var cpusa = await StatementAsync(Cpusa);
        Assert.Equal("Single", cpusa.Str("kind"));
        Assert.Equal("CPUSA International Department and Peace and Solidarity Commission", cpusa.Str("issuedBy"));
        var cpusaSigner = Assert.Single((await ListAsync(Cpusa))["signatories"]!.AsArray());
        Assert.Equal("CPUSA International Department and Peace and Solidarity Commission", cpusaSigner.Str("name"));
        Assert.Contains("Statement of CPUSA International Department and Peace and Solidarity Commission",
            await service.Client.GetStringAsync($"/statements/{Cpusa}"));
    }
}
