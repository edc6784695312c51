using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Seeding;

public sealed class SeedImportTests
{
    [Fact]
    public async Task The_seeds_are_imported_at_first_start_and_never_twice()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        await using (var first = WorkflowApiFactory.With(dataDirectory, importSeeds: true))
        {
            var statements = await (await first.CreateClient().GetAsync("/api/public/statements")).JsonArrayAsync();
            Assert.Equal(5, statements.Count);

            var list = await (await first.CreateClient().GetAsync("/api/public/statements/icor-resolution-peru-2023/signatories"))
                .JsonAsync();
            var signatories = list["signatories"]!.AsArray();
            Assert.Equal(28, signatories.Count(s => s.Str("phase") == "Initial"));
            Assert.Equal(3, signatories.Count(s => s.Str("phase") == "Subsequent"));
            Assert.Equal(Enumerable.Range(1, 31), signatories.Select(s => s!["number"]!.GetValue<int>()));
            Assert.Equal("2023-02-07", list["asOf"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd"));
            Assert.Contains(signatories,
                s => s.Str("name") == "Российская маоистская партия (Rossijskaya maoistskaya partiya)" && s!["country"] is null);

            var text = await first.CreateClient().GetStringAsync("/statements/icor-resolution-peru-2023/signatories.txt");
            Assert.Contains("Signatories (as of 7 February 2023, further signatories possible):", text);
            Assert.Contains("13. БКП Българска Комунистическа Партия (Bulgarian Communist Party)\n", text);
            Assert.Contains("Subsequent signatories:\n\n  29. PR-ByH ", text);

            var caracas = await (await first.CreateClient()
                .GetAsync("/api/public/statements/caracas-joint-statement-peru-2023/signatories")).JsonAsync();
            Assert.Equal(["Peruvian Communist party", "CPGB-ML"], caracas["signatories"]!.AsArray().Select(s => s.Str("name")));
            Assert.True(caracas["signatories"]![0]!["initiator"]!.GetValue<bool>()); // "initiated by the Peruvian Communist Party"

            var body = (await (await first.CreateClient().GetAsync("/api/public/statements/cpusa-hands-off-peru-2023")).JsonAsync())
                .Str("body");
            foreach (var debris in new[] { "Join Now", "Donate Now", "Mailbag", "Subscribe to our channel" })
                Assert.DoesNotContain(debris, body);
        }

        await using var second = WorkflowApiFactory.With(dataDirectory, importSeeds: true);
        var again = await (await second.CreateClient().GetAsync("/api/public/statements")).JsonArrayAsync();
        Assert.Equal(5, again.Count);
        var signatureCount = await second.InDatabaseAsync(db => db.Signatures.CountAsync());
        Assert.Equal(31 + 2 + 1 + 1, signatureCount); // the Proletarian article is signed by nobody
    }
}
