using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflow.Core.Tests.Proof;
using Workflow.Proof;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The /verify page: its script checks list exports in chromium with WebCrypto alone, and reaches the same outcome,
/// check by check, as the library's verifier (and so the command-line one).
/// </summary>
public sealed class VerifyPageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workflow-verify-page-").FullName;

    [Fact]
    public async Task A_clean_list_chosen_as_files_passes_every_check_in_the_browser()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("Rode Morgen", "RM");
        var savedHead = log.Head().ToJson();
        log.Sign("Partija Rada", "PR", "BA");
        log.Sign("Parti Communiste Prolétarien", "PCPCI", "CI");
        var receipt = log.Receipt(2);
        log.Publish();
        var bundle = log.Bundle();

        await browser.GotoAsync("/verify");
        await browser.CheckPageAsync(browser.Page, "empty");
        var outcomes = await CheckAsync(browser.Page, bundle, log.Signer.PublicKeyPem, savedHead, receipt);

        Assert.Equal(Enumerable.Repeat("holds", 6), outcomes.Values);
        Assert.StartsWith("Every check holds", await browser.Page.Locator("#verify-verdict").InnerTextAsync());
        Assert.Contains("the log only grew since (3 entries added)", await browser.Page.Locator("li[data-check='5']").InnerTextAsync());
        AssertSameAsLibrary(outcomes, bundle, log.Signer.PublicKeyPem, savedHead, receipt);
        await browser.CheckPageAsync(browser.Page, "every-check-holds");
    }

    [Fact]
    public async Task Tampered_lists_show_the_failing_check_in_the_browser()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var log = new LogBuilder();
        log.OpenText();
        var renamed = log.Sign("Rode Morgen", "RM");
        log.Sign("Partija Rada", "PR");
        var savedHead = log.Head().ToJson();
        var receipt = log.Receipt(1);
        log.Sign("Later Party");
        var key = log.Signer.PublicKeyPem;

        // The operator rewrites a signatory's name in its entry, recomputes the tree, re-signs with the log's key.
        var entries = log.Entries.ToList();
        var entry = JsonNode.Parse(entries[1])!.AsObject();
        entry["name"] = "Someone Else";
        entries[1] = entry.ToJsonString();
        var resigned = log.BundleOf(entries, log.Listed.Select(s => s.Id == renamed ? s with { Name = "Someone Else" } : s),
            log.Signer.Sign(log.Statement, entries.Count, MerkleTree.Root(entries.Select(MerkleTree.LeafHash).ToList()),
                DateTimeOffset.UtcNow));
        var listOnly = log.Bundle().Edit(b => b["list"]!.AsArray().RemoveAt(0));
        var reordered = log.Bundle().Edit(b =>
        {
            var list = b["list"]!.AsArray();
            var first = list[0]!.DeepClone();
            list.RemoveAt(0);
            list.Add(first);
        });
        var badSignature = log.Bundle().Edit(b => b["treeHead"]!["timestamp"] = "2020-01-01T00:00:00.000Z");

        await browser.GotoAsync("/verify");

        var rewrite = await CheckAsync(browser.Page, resigned, key, savedHead, receipt);
        Assert.Equal("fails", rewrite[5]);
        Assert.Equal("fails", rewrite[6]);
        Assert.Equal(["holds", "holds", "holds", "holds"], new[] { rewrite[1], rewrite[2], rewrite[3], rewrite[4] });
        Assert.Contains("the log was rewritten since", await browser.Page.Locator("li[data-check='5']").InnerTextAsync());
        Assert.Equal("Not proven: check 5, 6 failed.", await browser.Page.Locator("#verify-verdict").InnerTextAsync());
        AssertSameAsLibrary(rewrite, resigned, key, savedHead, receipt);
        await browser.CheckPageAsync(browser.Page, "rewritten-and-resigned");

        var removed = await CheckAsync(browser.Page, listOnly, key);
        Assert.Equal("fails", removed[4]);
        Assert.Contains("the list leaves it out", await browser.Page.Locator("li[data-check='4']").InnerTextAsync());
        AssertSameAsLibrary(removed, listOnly, key);

        var order = await CheckAsync(browser.Page, reordered, key);
        Assert.Equal("fails", order[4]);
        AssertSameAsLibrary(order, reordered, key);

        var signature = await CheckAsync(browser.Page, badSignature, key);
        Assert.Equal("fails", signature[1]);
        Assert.Contains("does not match its contents", await browser.Page.Locator("li[data-check='1']").InnerTextAsync());
        AssertSameAsLibrary(signature, badSignature, key);
    }

    [Fact]
    public async Task A_list_given_by_address_and_the_sites_key_are_fetched_and_checked_in_spanish()
    {
        await using var browser = await BrowserSession.StartAsync(this, locale: "es-ES");
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("Rode Morgen");
        // The service's own routes for exports and its key are not needed: the browser is answered with these files.
        await browser.Page.RouteAsync(url => new Uri(url).AbsolutePath == "/statements/a-statement/proof.json",
            route => route.FulfillAsync(new RouteFulfillOptions { Body = log.Bundle(), ContentType = "application/json" }));
        await browser.Page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/log/key.pem", route => route.FulfillAsync(
            new RouteFulfillOptions { Body = log.Signer.PublicKeyPem, ContentType = "application/x-pem-file" }));

        await browser.GotoAsync("/verify?bundle=/statements/a-statement/proof.json");
        Assert.Contains("/statements/a-statement/proof.json", await browser.Page.Locator("#bundle-from-site").InnerTextAsync());
        await browser.Page.ClickAsync("#use-site-key");
        await Assertions.Expect(browser.Page.Locator("#key-text"))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("BEGIN PUBLIC KEY"));
        await browser.Page.ClickAsync("#run-checks");
        await browser.Page.Locator("#verify-verdict.holds, #verify-verdict.fails, #verify-verdict.unusable").WaitForAsync();

        Assert.StartsWith("Todas las comprobaciones se cumplen", await browser.Page.Locator("#verify-verdict").InnerTextAsync());
        Assert.Equal(["holds", "holds", "holds", "holds", "notChecked", "notChecked"],
            (await Outcomes(browser.Page)).Values);
        await browser.CheckPageAsync(browser.Page, "by-address-es");

        // Another site's address is not fetched.
        await browser.GotoAsync("/verify?bundle=//evil.example/proof.json");
        Assert.Equal(0, await browser.Page.Locator("#bundle-from-site").CountAsync());
        Assert.True(string.IsNullOrEmpty(await browser.Page.Locator("#verify-form").GetAttributeAsync("data-bundle-url")));
        Assert.StartsWith("Solo se puede obtener por dirección una exportación de lista de este sitio",
            await browser.Page.Locator("#verify-form [role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task The_browser_and_the_library_reach_the_same_outcome_for_every_kind_of_change()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var log = new LogBuilder();
        log.OpenText();
        var a = log.Sign("Rode Morgen", "RM");
        var b = log.Sign("Partija Rada", "PR");
        var savedHead = log.Head().ToJson();
        log.Change(a, "corrected", s => s with { Name = "Rode Morgen (NL)" });
        log.Change(b, "withdrawn", s => s with { Status = "Withdrawn" });
        log.OpenText();
        log.Reconfirm(a);
        var c = log.Sign("Later Party", phase: "Subsequent");
        log.Change(c, "moved", s => s with { Organisation = Guid.NewGuid() });
        var receipt = log.Receipt(3);
        var key = log.Signer.PublicKeyPem;
        var bundle = log.Bundle();
        string EditEntry(int index, Action<JsonObject> edit) => bundle.Edit(x =>
        {
            var entry = x.Entry(index);
            edit(entry);
            x.SetEntry(index, entry);
        });

        var cases = new (string Name, string Bundle, string? Receipt)[]
        {
            ("clean", bundle, receipt),
            ("same instant written otherwise", bundle.Edit(x => x["list"]![0]!["signedAt"] = ((string)x["list"]![0]!["signedAt"]!)
                .Replace("Z", "+00:00")), null),
            ("provenance changed in the list", bundle.Edit(x => x["list"]![1]!["provenance"]!["emailDomain"] = "elsewhere.org"), null),
            ("signed version changed in the list", bundle.Edit(x => x["list"]![0]!["signedVersion"] = 9), null),
            ("text hash of the list", bundle.Edit(x => x["textHash"] = new string('1', 64)), null),
            ("an entry edited", EditEntry(1, e => e["country"] = "FR"), null),
            ("an entry's index", EditEntry(2, e => e["index"] = 7), null),
            ("an entry's statement", EditEntry(2, e => e["statement"] = Guid.NewGuid().ToString("D")), null),
            ("an entry that is not JSON", bundle.Edit(x => x["entries"]![4] = "{not json"), null),
            ("a head with another size", bundle.Edit(x => x["treeHead"]!["treeSize"] = 3), null),
            ("a receipt with a wrong proof", bundle, receipt.Edit(r => r["inclusionProof"]![0] = new string('a', 64))),
            ("a receipt at another index", bundle, receipt.Edit(r => r["index"] = 4)),
        };

        await browser.GotoAsync("/verify");
        foreach (var (name, changed, withReceipt) in cases)
        {
            var outcomes = await CheckAsync(browser.Page, changed, key, savedHead, withReceipt);
            var library = ListProofVerifier.Verify(changed, key, savedHead, withReceipt);
            Assert.True(name == "clean" || name.StartsWith("same instant", StringComparison.Ordinal) ? library.AllHold
                : !library.AllHold, name);
            AssertSameAsLibrary(outcomes, changed, key, savedHead, withReceipt);
        }
    }

    [Fact]
    public async Task Unusable_input_is_said_to_be_so()
    {
        await using var browser = await BrowserSession.StartAsync(this);
        var log = new LogBuilder();
        log.OpenText();

        await browser.GotoAsync("/verify");
        await CheckAsync(browser.Page, log.Bundle(), "not a key");

        Assert.Equal("The input cannot be checked: the public key cannot be read (a PEM public key on the P-256 curve is needed)",
            await browser.Page.Locator("#verify-verdict").InnerTextAsync());
        Assert.Equal(0, await browser.Page.Locator("#verify-checks li").CountAsync());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<IReadOnlyDictionary<int, string>> CheckAsync(IPage page, string bundle, string key, string? savedHead = null,
        string? receipt = null)
    {
        await page.Locator("#bundle-file").SetInputFilesAsync(Write("proof.json", bundle));
        await page.Locator("#key-file").SetInputFilesAsync(Write("key.pem", key));
        await SetOrClearAsync(page.Locator("#head-file"), savedHead is null ? null : Write("saved-head.json", savedHead));
        await SetOrClearAsync(page.Locator("#receipt-file"), receipt is null ? null : Write("receipt.json", receipt));
        await page.ClickAsync("#run-checks");
        await page.Locator("#verify-verdict.holds, #verify-verdict.fails, #verify-verdict.unusable").WaitForAsync();
        return await Outcomes(page);
    }

    private static Task SetOrClearAsync(ILocator input, string? path) =>
        path is null ? input.SetInputFilesAsync(Array.Empty<string>()) : input.SetInputFilesAsync(path);

    private static async Task<SortedDictionary<int, string>> Outcomes(IPage page)
    {
        var outcomes = new SortedDictionary<int, string>();
        foreach (var item in await page.Locator("#verify-checks li").AllAsync())
            outcomes[int.Parse((await item.GetAttributeAsync("data-check"))!)] = (await item.GetAttributeAsync("data-outcome"))!;
        return outcomes;
    }

    private static void AssertSameAsLibrary(IReadOnlyDictionary<int, string> browser, string bundle, string key, string? savedHead = null,
        string? receipt = null)
    {
        var report = ListProofVerifier.Verify(bundle, key, savedHead, receipt);
        var library = report.Checks.ToDictionary(c => c.Number, c => c.Outcome switch
        {
            CheckOutcome.Holds => "holds",
            CheckOutcome.Fails => "fails",
            _ => "notChecked",
        });
        Assert.Equal(library.OrderBy(p => p.Key), browser.OrderBy(p => p.Key));
    }

    // A fresh name each time, so that the browser reads the new content.
    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content);
        return path;
    }
}
