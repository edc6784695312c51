using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Proof;

namespace Workflow.Api.Tests.Publishing;

/// <summary>
/// The signatory log through the real service: every legitimate operation leaves the list provable and every kept head
/// consistent with later ones; a change to the stored rows behind the service's back is caught, and an operator who
/// rewrites the log and re-signs every head is caught by a head kept earlier.
/// </summary>
public sealed class SignatoryLogTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    /// <param name="SignatureIds">In the order of <paramref name="Tokens"/> and <paramref name="Emails"/>.</param>
    private sealed record Published(HttpClient Drafter, Guid Id, string Slug, List<string> Tokens, List<string> Emails,
        List<string> SignatureIds);

    private async Task<Published> PublishedAsync(int signatories)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Log {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var tokens = new List<string>();
        var emails = Enumerable.Range(0, signatories).Select(i => $"p{i}-{Guid.NewGuid():N}@example.org").ToList();
        foreach (var email in emails)
            tokens.Add((await drafter.InviteAsync(id, $"Partido {Guid.NewGuid():N}", null, null, "PE", email)).Token!);
        // Signed at once: the log must still be one line.
        var signed = await Task.WhenAll(tokens.Select(t => factory.CreateClient().SignAsync(t)));
        Assert.All(signed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var signatureIds = new List<string>();
        foreach (var response in signed) signatureIds.Add((await response.JsonAsync()).Str("signatureId"));
        await drafter.PublishAsync(id);
        return new(drafter, id, statement.Slug, tokens, emails, signatureIds);
    }

    private async Task<string> KeyAsync() => await factory.CreateClient().GetStringAsync("/api/log/key.pem");

    private async Task<string> BundleAsync(string slug) => await factory.CreateClient().GetStringAsync($"/statements/{slug}/proof.json");

    private async Task<string> HeadAsync(string slug) => await factory.CreateClient().GetStringAsync($"/statements/{slug}/tree-head.json");

    /// <summary>Verifies the list as an outsider would: the published bundle, the key, and the heads kept so far.</summary>
    private async Task AssertHoldsAsync(string slug, IEnumerable<string> keptHeads, string step)
    {
        var bundle = await BundleAsync(slug);
        var key = await KeyAsync();
        foreach (var head in keptHeads.DefaultIfEmpty(null).ToList())
        {
            var report = ListProofVerifier.Verify(bundle, key, head);
            Assert.True(report.AllHold, $"After {step}: " +
                string.Join("\n", report.Checks.Select(c => $"{c.Outcome}: {c.What} — {c.Detail}")) + report.UnusableInput);
            if (head is null) continue;
            // The server's consistency proof from the kept head to the current one checks out with the library alone.
            var kept = TreeHead.Parse(head);
            var current = TreeHead.Parse(JsonNode.Parse(bundle)!["treeHead"]!.ToJsonString());
            var proof = await (await factory.CreateClient().GetAsync(
                $"/api/public/statements/{slug}/log/consistency?first={kept.TreeSize}&second={current.TreeSize}")).JsonAsync();
            Assert.True(MerkleTree.VerifyConsistency((int)kept.TreeSize, (int)current.TreeSize, Hex.Parse(kept.RootHash),
                Hex.Parse(current.RootHash), proof["proof"]!.AsArray().Select(h => Hex.Parse(h!.GetValue<string>())).ToList()),
                $"After {step}: consistency from {kept.TreeSize}");
        }
    }

    [Fact]
    public async Task Every_legitimate_operation_leaves_the_list_provable_and_every_kept_head_consistent()
    {
        var p = await PublishedAsync(5);
        var kept = new List<string> { await HeadAsync(p.Slug) };
        await AssertHoldsAsync(p.Slug, kept, "publication");

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient()
            .PostAsJsonAsync($"/api/invitations/{p.Tokens[0]}/withdraw", new { note = "Changed our mind." })).StatusCode);
        await AssertHoldsAsync(p.Slug, kept, "a withdrawal");
        kept.Add(await HeadAsync(p.Slug));

        var renamed = await p.Drafter.PutAsJsonAsync($"/api/statements/{p.Id}/signatures/{p.SignatureIds[1]}/displayed-name",
            new { name = "Partido Corregido", acronym = "PC" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await AssertHoldsAsync(p.Slug, kept, "a name correction");
        var bundle = JsonNode.Parse(await BundleAsync(p.Slug))!;
        Assert.Contains(bundle["list"]!.AsArray(), s => s.Str("name") == "Partido Corregido");
        Assert.Contains(bundle["entries"]!.AsArray(),
            e => e!.GetValue<string>().Contains("\"change\":\"corrected\"") && e.GetValue<string>().Contains("Partido Corregido"));

        Assert.Equal(HttpStatusCode.OK,
            (await p.Drafter.PostAsJsonAsync($"/api/statements/{p.Id}/signatures/{p.SignatureIds[2]}/invalidate",
            new { reason = "Duplicate" })).StatusCode);
        await AssertHoldsAsync(p.Slug, kept, "an invalidation");
        kept.Add(await HeadAsync(p.Slug));

        var recorded = await p.Drafter.PostAsJsonAsync($"/api/statements/{p.Id}/signatures",
            new { organisation = new { name = $"Frente Registrado {Guid.NewGuid():N}", country = "BO" }, note = "By e-mail of 3 March." });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await AssertHoldsAsync(p.Slug, kept, "a recorded signature");

        // The text changes: everyone drops off the list until they confirm it, each in their own way.
        var statement = await p.Drafter.StatementAsync(p.Id);
        var revised = await p.Drafter.PutAsJsonAsync($"/api/statements/{p.Id}/draft",
            new { title = statement.Title, body = "A changed text.", baseVersion = statement.LatestVersion.Number });
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var newHash = (await revised.JsonAsync()).Str("textHash");
        await AssertHoldsAsync(p.Slug, kept, "a text change");
        Assert.Empty(JsonNode.Parse(await BundleAsync(p.Slug))!["list"]!.AsArray());
        // The signatory confirms through the fresh link it was e-mailed; the drafters confirm the one they recorded.
        var link = await factory.ApiLinkFromMailAsync(p.Emails[3], "/sign", "/api/invitations",
            subjectStart: "The text you signed has changed");
        Assert.Equal(HttpStatusCode.OK,
            (await factory.CreateClient().PostAsJsonAsync(link + "/reconfirm", new { textHash = newHash })).StatusCode);
        var recordedId = (await recorded.JsonAsync()).Str("signatureId");
        Assert.Equal(HttpStatusCode.OK, (await p.Drafter.PostAsJsonAsync($"/api/statements/{p.Id}/signatures/{recordedId}/reconfirm",
            new { textHash = newHash })).StatusCode);
        await AssertHoldsAsync(p.Slug, kept, "two confirmations");
        Assert.Equal(2, JsonNode.Parse(await BundleAsync(p.Slug))!["list"]!.AsArray().Count);

        // A further signatory; then the receipt documents of the signatories check out offline against the key.
        var late = (await p.Drafter.InviteAsync(p.Id, $"Partido Tardío {Guid.NewGuid():N}", null, null, "CL", "late@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(late)).StatusCode);
        kept.Add(await HeadAsync(p.Slug));
        await AssertHoldsAsync(p.Slug, kept, "a further signature");
        var key = await KeyAsync();
        var current = await BundleAsync(p.Slug);
        foreach (var receiptUrl in new[] { link + "/receipt", $"/api/invitations/{late}/receipt" })
        {
            var receipt = await factory.CreateClient().GetStringAsync(receiptUrl);
            var report = ListProofVerifier.Verify(current, key, receiptJson: receipt);
            Assert.True(report.AllHold, string.Join("\n", report.Checks.Select(c => $"{c.Outcome}: {c.What} — {c.Detail}")));
        }
    }

    [Fact]
    public async Task Merging_directory_records_keeps_the_proof_valid()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Merge {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var original = $"Partido Comunista Português {Guid.NewGuid():N}";
        var twin = $"Portuguese Communists {Guid.NewGuid():N}";
        var other = await drafter.CreateStatementAsync(title: $"Other {Guid.NewGuid():N}");
        await drafter.OpenAsync(other.Id);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{other.Id}/signatures",
            new { organisation = new { name = original, acronym = "PCPX", country = "PT" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = twin, acronym = "PCPX", country = "PT", registerAsNew = true } })).StatusCode);
        await drafter.PublishAsync(id);
        var slug = statement.Slug;
        var kept = new List<string> { await HeadAsync(slug) };

        var survivorId = (await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(original)}")).JsonArrayAsync())
            .Single().Str("id");
        var twinId = (await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(twin)}")).JsonArrayAsync()).Single()
            .Str("id");
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PostAsJsonAsync($"/api/organisations/{survivorId}/merge", new { duplicateId = twinId })).StatusCode);

        await AssertHoldsAsync(slug, kept, "a merge");
        var entries = JsonNode.Parse(await BundleAsync(slug))!["entries"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(entries, e => e.Contains("\"change\":\"moved\"") && e.Contains(survivorId));
        var verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/verify")).JsonAsync();
        Assert.True(verify["holds"]!.GetValue<bool>(), verify.ToJsonString());
    }

    [Fact]
    public async Task A_change_to_the_stored_rows_behind_the_services_back_is_detected()
    {
        var p = await PublishedAsync(3);
        var statementId = p.Id;

        var originalName = await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 2)
            .Select(s => s.DisplayName).SingleAsync());
        // Someone with database access renames signatory 2 on the list, without an entry.
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, "Somebody Else")));
        var verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{p.Slug}/verify")).JsonAsync();
        Assert.False(verify["holds"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.False(ListProofVerifier.Verify(await BundleAsync(p.Slug), await KeyAsync()).AllHold);

        // Or takes one off the list by its status alone.
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, originalName)));
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Workflow.Core.Endorsements.SignatureStatus.Withdrawn)));
        Assert.False(ListProofVerifier.Verify(await BundleAsync(p.Slug), await KeyAsync()).AllHold);

        // Or edits an entry of the log itself without recomputing the tree: its signed head no longer matches.
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Workflow.Core.Endorsements.SignatureStatus.Active)));
        var restored = ListProofVerifier.Verify(await BundleAsync(p.Slug), await KeyAsync());
        Assert.True(restored.AllHold, "restored rows verify again: " + Explain(restored));
        await factory.InDatabaseAsync(async db =>
        {
            var entry = await db.LogEntries.Where(e => e.StatementId == statementId
                && e.Type == Workflow.Core.Publishing.LogEntryType.Signature)
                .OrderBy(e => e.Index).FirstAsync();
            return await db.LogEntries.Where(e => e.Id == entry.Id)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.Entry, entry.Entry.Replace("\"country\":\"PE\"", "\"country\":\"CL\"")));
        });
        var report = ListProofVerifier.Verify(await BundleAsync(p.Slug), await KeyAsync());
        Assert.Contains(report.Checks, c => c.Number == 2 && c.Outcome == CheckOutcome.Fails);
    }

    [Fact]
    public async Task An_operator_who_rewrites_the_log_and_re_signs_every_head_is_caught_by_a_head_kept_earlier()
    {
        var p = await PublishedAsync(4);
        var keptHead = await HeadAsync(p.Slug);
        var statementId = p.Id;

        // The operator renames signatory 1 in its row AND in its log entry, then recomputes every leaf, every right edge and
        // every tree head from there on, signing them with the server's own key: the server's rows and log agree again.
        var signer = TreeHeadSigner.LoadOrCreate(Path.Combine(factory.DataDirectory, "log-signing-key.pem"));
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId && s.Number == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, "Friends of the Operator")));
        await factory.InDatabaseAsync(async db =>
        {
            var entries = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statementId).OrderBy(e => e.Index).ToListAsync();
            var frontier = MerkleFrontier.Empty;
            foreach (var e in entries)
            {
                var text = e.Entry.Contains("\"number\":1,") ? System.Text.RegularExpressions.Regex.Replace(e.Entry, "\"name\":\"[^\"]*\"",
                    "\"name\":\"Friends of the Operator\"") : e.Entry;
                var leaf = MerkleTree.LeafHash(text);
                frontier = frontier.Append(leaf);
                var head = signer.Sign(statementId, e.Index + 1, frontier.Root(), e.TreeHead.Timestamp).ToJson();
                var serialized = frontier.Serialize();
                await db.LogEntries.Where(x => x.Id == e.Id).ExecuteUpdateAsync(x => x
                    .SetProperty(y => y.Entry, text).SetProperty(y => y.LeafHash, Hex.Of(leaf)).SetProperty(y => y.Frontier, serialized)
                        .SetProperty(y => y.Head, head));
            }
            return 0;
        });

        var bundle = await BundleAsync(p.Slug);
        Assert.Contains("Friends of the Operator", bundle);
        var key = await KeyAsync();
        // Without a kept head, the rewrite is consistent with itself: the server's own check cannot see it.
        Assert.True(ListProofVerifier.Verify(bundle, key).AllHold);
        var serverCheck = await (await factory.CreateClient().GetAsync($"/api/public/statements/{p.Slug}/verify")).JsonAsync();
        Assert.True(serverCheck["holds"]!.GetValue<bool>());
        // Whoever kept the head from before sees it.
        var report = ListProofVerifier.Verify(bundle, key, keptHead);
        Assert.False(report.AllHold);
        Assert.Contains(report.Checks, c => c.Number == 5 && c.Outcome == CheckOutcome.Fails);
    }

    [Fact]
    public async Task Random_sequences_of_legitimate_operations_always_verify()
    {
        foreach (var seed in new[] { 7, 19, 2026 })
        {
            var random = new Random(seed);
            var p = await PublishedAsync(2);
            var kept = new List<string> { await HeadAsync(p.Slug) };
            var textHash = (await p.Drafter.StatementAsync(p.Id)).LatestVersion.TextHash;
            for (var step = 0; step < 8; step++)
            {
                var signatures = (await p.Drafter.SignaturesAsync(p.Id)).Where(s => s.Status == "Active").ToList();
                var operation = random.Next(6);
                string done;
                if (operation == 0 || signatures.Count == 0)
                {
                    var token = (await p.Drafter.InviteAsync(p.Id, $"Partido {seed}-{step} {Guid.NewGuid():N}", null, null, "AR",
                        $"s{step}@example.org")).Token!;
                    Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
                    done = "sign";
                }
                else
                {
                    var target = signatures[random.Next(signatures.Count)];
                    var url = $"/api/statements/{p.Id}/signatures/{target.Id}";
                    HttpResponseMessage response;
                    switch (operation)
                    {
                        case 1:
                            response = await p.Drafter.PutAsJsonAsync(url + "/displayed-name",
                                new { name = $"Nombre {seed}-{step}", nameEnglish = $"Name {step}" });
                            done = "correct a name";
                            break;
                        case 2:
                            response = await p.Drafter.PostAsJsonAsync(url + "/invalidate",
                                new { reason = "SignedByMistake", note = "Test." });
                            done = "invalidate";
                            break;
                        case 3:
                            response = await p.Drafter.PostAsJsonAsync($"/api/statements/{p.Id}/signatures",
                                new { organisation = new { name = $"Registrado {seed}-{step} {Guid.NewGuid():N}" }, note = "On paper." });
                            done = "record";
                            break;
                        case 4:
                            var statement = await p.Drafter.StatementAsync(p.Id);
                            response = await p.Drafter.PutAsJsonAsync($"/api/statements/{p.Id}/draft",
                                new { title = statement.Title, body = $"Text {seed}-{step}.",
                                    baseVersion = statement.LatestVersion.Number });
                            textHash = (await response.JsonAsync()).Str("textHash");
                            done = "change the text";
                            break;
                        default:
                            // Owners may confirm the new text only for what the drafters recorded; for the others, 409.
                            response = await p.Drafter.PostAsJsonAsync(url + "/reconfirm", new { textHash });
                            var expected = target.Provenance.Kind == "RecordedByDrafters" ? HttpStatusCode.OK : HttpStatusCode.Conflict;
                            Assert.Equal(expected, response.StatusCode);
                            done = "confirm the new text";
                            break;
                    }
                    // A refusal (the signature was already withdrawn, already confirmed…) is legitimate too: never a 5xx.
                    Assert.True((int)response.StatusCode < 500, $"seed {seed}, step {step} ({done}): {(int)response.StatusCode}");
                }
                await AssertHoldsAsync(p.Slug, kept, $"seed {seed}, step {step} ({done})");
                if (random.Next(2) == 0) kept.Add(await HeadAsync(p.Slug));
            }
        }
    }

    [Fact]
    public async Task A_statement_signed_before_the_log_existed_gets_one_that_starts_at_the_upgrade()
    {
        var p = await PublishedAsync(3);
        var statementId = p.Id;
        // As a database from before the log looks after its migration: no entries.
        await factory.InDatabaseAsync(db => db.LogEntries.Where(e => e.StatementId == statementId).ExecuteDeleteAsync());
        await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == statementId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LogIndex, (int?)null)));
        Assert.False(ListProofVerifier.Verify(await BundleAsync(p.Slug), await KeyAsync()).AllHold);

        var started = await factory.InDatabaseAsync(async db => await Workflow.Core.Publishing.StartMissingLogs.RunAsync(db,
            factory.Services.GetRequiredService<TreeHeadSigner>(), TimeProvider.System, CancellationToken.None));

        Assert.True(started >= 1);
        var bundle = await BundleAsync(p.Slug);
        var report = ListProofVerifier.Verify(bundle, await KeyAsync());
        Assert.True(report.AllHold, Explain(report) + bundle);
        Assert.Equal(5, JsonNode.Parse(bundle)!["entries"]!.AsArray().Count); // the text, three signatures, the publication
        var receipt = await factory.CreateClient().GetStringAsync($"/api/invitations/{p.Tokens[0]}/receipt");
        Assert.True(ListProofVerifier.Verify(bundle, await KeyAsync(), receiptJson: receipt).AllHold);
    }

    private static string Explain(VerificationReport report) =>
        string.Join("\n", report.Checks.Select(c => $"{c.Outcome}: {c.What} — {c.Detail}")) + report.UnusableInput;
}
