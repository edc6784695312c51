using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CsCheck;
using Workflow.Proof;

namespace Workflow.Core.Tests.Proof;

public sealed class ListProofVerifierTests
{
    [Fact]
    public void A_clean_bundle_with_an_earlier_head_and_a_receipt_passes_every_check()
    {
        var log = new LogBuilder();
        log.OpenText();
        var first = log.Sign("Rode Morgen", "RM");
        var savedHead = log.Head().ToJson();
        log.Sign("Partija Rada", "PR", "BA");
        var receipt = log.Receipt(1);
        log.Publish();

        var report = ListProofVerifier.Verify(log.Bundle(), log.Signer.PublicKeyPem, savedHead, receipt);

        Assert.True(report.AllHold, Describe(report));
        Assert.Equal(0, report.ExitCode);
        Assert.Equal([1, 2, 3, 4, 5, 6], report.Checks.Select(c => c.Number));
        Assert.All(report.Checks, c => Assert.Equal(CheckOutcome.Holds, c.Outcome));
        Assert.Contains("2 entries added", report.Checks[4].Detail);
        Assert.Equal(["Rode Morgen", "Partija Rada"], SignatoryLog.Fold(log.Entries).List.Select(r => r.Name));
        Assert.Equal(first, log.Listed.First().Id);
    }

    [Fact]
    public void Without_a_saved_head_or_receipt_those_checks_are_reported_as_not_made()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("Rode Morgen");

        var report = ListProofVerifier.Verify(log.Bundle(), log.Signer.PublicKeyPem);

        Assert.True(report.AllHold, Describe(report));
        Assert.Equal(CheckOutcome.NotChecked, report.Checks[4].Outcome);
        Assert.Equal(CheckOutcome.NotChecked, report.Checks[5].Outcome);
        Assert.Contains("Keep this bundle's tree head", report.Checks[4].Detail);
    }

    [Fact]
    public void An_operator_who_renames_a_signatory_in_its_entry_recomputes_every_hash_and_resigns_is_caught_by_the_old_head()
    {
        var log = new LogBuilder();
        log.OpenText();
        var renamed = log.Sign("Rode Morgen", "RM");
        log.Sign("Partija Rada", "PR");
        var savedHead = log.Head().ToJson();
        log.Sign("Later Party");

        // The operator rewrites entry 1 (the signature of "Rode Morgen") and makes everything else agree with it.
        var entries = log.Entries.ToList();
        var entry = JsonNode.Parse(entries[1])!.AsObject();
        entry["name"] = "Someone Else";
        entries[1] = entry.ToJsonString();
        var head = log.Signer.Sign(log.Statement, entries.Count, MerkleTree.Root(entries.Select(MerkleTree.LeafHash).ToList()),
            DateTimeOffset.UtcNow);
        var listed = log.Listed.Select(s => s.Id == renamed ? s with { Name = "Someone Else" } : s);
        var forged = log.BundleOf(entries, listed, head);

        var withoutSavedHead = ListProofVerifier.Verify(forged, log.Signer.PublicKeyPem);
        var report = ListProofVerifier.Verify(forged, log.Signer.PublicKeyPem, savedHead);

        Assert.True(withoutSavedHead.AllHold, "the forgery is self-consistent: only an earlier head can catch it");
        AssertFailsOnly(report, 5);
        Assert.Contains("rewritten", report.Checks[4].Detail);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void An_operator_who_removes_or_reorders_entries_and_resigns_is_caught_by_the_old_head()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        log.Sign("Two");
        var savedHead = log.Head().ToJson();
        log.Sign("Three");

        string Resigned(IReadOnlyList<string> entries)
        {
            var reindexed = entries.Select((e, i) =>
            {
                var node = JsonNode.Parse(e)!.AsObject();
                node["index"] = i;
                return node.ToJsonString();
            }).ToList();
            var head = log.Signer.Sign(log.Statement, reindexed.Count, MerkleTree.Root(reindexed.Select(MerkleTree.LeafHash).ToList()),
                DateTimeOffset.UtcNow);
            var fold = SignatoryLog.Fold(reindexed);
            return log.BundleOf(reindexed, log.Listed.Where(s => fold.List.Any(r => r.Number == s.Number)), head);
        }

        var removed = Resigned(log.Entries.Where((_, i) => i != 1).ToList());
        var reordered = Resigned([log.Entries[0], log.Entries[2], log.Entries[1], log.Entries[3]]);

        AssertFailsOnly(ListProofVerifier.Verify(removed, log.Signer.PublicKeyPem, savedHead), 5);
        AssertFailsOnly(ListProofVerifier.Verify(reordered, log.Signer.PublicKeyPem, savedHead), 5);
    }

    [Fact]
    public void A_signature_left_out_of_the_list_only_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        log.Sign("Two");
        log.Sign("Three");

        var bundle = log.Bundle().Edit(b => b["list"]!.AsArray().RemoveAt(1));

        var report = ListProofVerifier.Verify(bundle, log.Signer.PublicKeyPem);

        AssertFailsOnly(report, 4);
        Assert.Contains("no. 2 (Two), but the list leaves it out", report.Checks[3].Detail);
    }

    [Fact]
    public void A_list_in_another_order_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        log.Sign("Two");

        var bundle = log.Bundle().Edit(b =>
        {
            var list = b["list"]!.AsArray();
            var first = list[0]!.DeepClone();
            list.RemoveAt(0);
            list.Add(first);
        });

        var report = ListProofVerifier.Verify(bundle, log.Signer.PublicKeyPem);

        AssertFailsOnly(report, 4);
        Assert.Contains("order", report.Checks[3].Detail);
    }

    [Theory]
    [InlineData("name", "Someone Else")]
    [InlineData("acronym", "SE")]
    [InlineData("country", "FR")]
    [InlineData("signer", "Nobody")]
    [InlineData("phase", "Subsequent")]
    [InlineData("signedAt", "2020-01-01T00:00:00.000Z")]
    public void A_field_changed_in_the_list_only_is_caught(string field, string value)
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One", "O");
        log.Sign("Two", "T");

        var bundle = log.Bundle().Edit(b => b["list"]![1]![field] = value);

        var report = ListProofVerifier.Verify(bundle, log.Signer.PublicKeyPem);

        AssertFailsOnly(report, 4);
        Assert.Contains("No. 2: the list shows", report.Checks[3].Detail);
    }

    [Fact]
    public void A_signature_added_to_the_list_only_or_a_changed_provenance_or_text_hash_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");

        var added = log.Bundle().Edit(b => b["list"]!.AsArray().Add(new JsonObject { ["number"] = 2, ["name"] = "Invented" }));
        var provenance = log.Bundle().Edit(b => b["list"]![0]!["provenance"]!["kind"] = "RecordedByDrafters");
        var textHash = log.Bundle().Edit(b => b["textHash"] = new string('0', 64));

        Assert.Contains("no. 2 (Invented), but the entries do not list it",
            ListProofVerifier.Verify(added, log.Signer.PublicKeyPem).Checks[3].Detail);
        AssertFailsOnly(ListProofVerifier.Verify(provenance, log.Signer.PublicKeyPem), 4);
        AssertFailsOnly(ListProofVerifier.Verify(textHash, log.Signer.PublicKeyPem), 4);
    }

    [Fact]
    public void An_entry_edited_without_recomputing_the_tree_is_caught_by_the_head_itself()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");

        var bundle = log.Bundle().Edit(b =>
        {
            var entry = b.Entry(1);
            entry["name"] = "Someone Else";
            b.SetEntry(1, entry);
            b["list"]![0]!["name"] = "Someone Else";
        });

        AssertFailsOnly(ListProofVerifier.Verify(bundle, log.Signer.PublicKeyPem), 2);
    }

    [Fact]
    public void A_bad_signature_or_a_head_signed_by_another_key_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        var other = new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));

        var bundle = log.Bundle();
        var badSignature = bundle.Edit(b =>
        {
            var signature = Convert.FromBase64String(b["treeHead"]!["signature"]!.GetValue<string>());
            signature[0] ^= 0x80;
            b["treeHead"]!["signature"] = Convert.ToBase64String(signature);
        });
        var otherKey = log.BundleOf(log.Entries, log.Listed, other.Sign(log.Statement, log.Entries.Count,
            MerkleTree.Root(log.Entries.Select(MerkleTree.LeafHash).ToList()), DateTimeOffset.UtcNow));

        AssertFailsOnly(ListProofVerifier.Verify(badSignature, log.Signer.PublicKeyPem), 1);
        AssertFailsOnly(ListProofVerifier.Verify(otherKey, log.Signer.PublicKeyPem), 1);
        Assert.Contains("names the key", ListProofVerifier.Verify(otherKey, log.Signer.PublicKeyPem).Checks[0].Detail);
        Assert.True(ListProofVerifier.Verify(otherKey, other.PublicKeyPem).AllHold,
            "with the forger's key the forgery verifies: the key must come from elsewhere");
    }

    [Fact]
    public void A_receipt_whose_entry_was_later_rewritten_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        var receipt = log.Receipt(1);
        log.Sign("Two");

        var entries = log.Entries.ToList();
        var entry = JsonNode.Parse(entries[1])!.AsObject();
        entry["signer"] = "Someone who did not sign";
        entries[1] = entry.ToJsonString();
        var head = log.Signer.Sign(log.Statement, entries.Count, MerkleTree.Root(entries.Select(MerkleTree.LeafHash).ToList()),
            DateTimeOffset.UtcNow);
        var forged = log.BundleOf(entries, log.Listed.Select(s => s.Number == 1 ? s with { Signer = "Someone who did not sign" } : s),
            head);

        var report = ListProofVerifier.Verify(forged, log.Signer.PublicKeyPem, receiptJson: receipt);

        AssertFailsOnly(report, 6);
        Assert.Contains("rewritten after the receipt", report.Checks[5].Detail);
    }

    [Fact]
    public void A_forged_receipt_is_caught()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        log.Sign("Two");
        var receipt = log.Receipt(2);

        var wrongProof = receipt.Edit(r => r["inclusionProof"]![0] = new string('a', 64));
        var otherEntry = receipt.Edit(r => r["entry"] = log.Entries[1]);

        AssertFailsOnly(ListProofVerifier.Verify(log.Bundle(), log.Signer.PublicKeyPem, receiptJson: wrongProof), 6);
        AssertFailsOnly(ListProofVerifier.Verify(log.Bundle(), log.Signer.PublicKeyPem, receiptJson: otherEntry), 6);
    }

    [Fact]
    public void Entries_that_break_the_logs_rules_are_caught_even_when_signed()
    {
        var log = new LogBuilder();
        log.OpenText();
        var one = log.Sign("One");
        log.Sign("Two");
        var two = log.Listed.Last();
        // A signature that changes its number, and one that takes another's number, both signed into the tree.
        log.Change(one, "corrected", s => s with { Number = 7 });
        var forged = log.Bundle();

        var report = ListProofVerifier.Verify(forged, log.Signer.PublicKeyPem);

        Assert.Equal(CheckOutcome.Fails, report.Checks[2].Outcome);
        Assert.Contains("had number 1", report.Checks[2].Detail);
        Assert.Equal(2, two.Number);
        var wrongIndex = log.Bundle().Edit(b =>
        {
            var entry = b.Entry(2);
            entry["index"] = 5;
            b.SetEntry(2, entry);
        });
        Assert.Contains("says it is at index 5, but it is at position 2",
            ListProofVerifier.Verify(wrongIndex, log.Signer.PublicKeyPem).Checks[2].Detail);
    }

    [Fact]
    public void Every_legitimate_operation_passes_at_every_head_and_every_old_head_is_consistent_with_every_later_one()
    {
        var log = new LogBuilder();
        var heads = new List<(TreeHead Head, IReadOnlyList<string> Entries)>();
        var bundles = new List<string>();
        void Snapshot()
        {
            heads.Add((log.Head(), log.Entries.ToList()));
            bundles.Add(log.Bundle());
        }

        log.OpenText();
        Snapshot();
        var a = log.Sign("Rode Morgen", "RM");
        var b = log.Sign("Partija Rada", "PR", "BA");
        var c = log.Sign("Parti Communiste", "PCPCI", "CI");
        Snapshot();
        log.Publish();
        log.Change(a, "corrected", s => s with { Name = "Rode Morgen (NL)", Acronym = "RMNL" });
        Snapshot();
        log.Change(b, "withdrawn", s => s with { Status = "Withdrawn", Reason = "asked to be removed" });
        log.Change(c, "invalidated", s => s with { Status = "Invalidated", Reason = "not a real organisation" });
        Snapshot();
        Assert.Equal([1], SignatoryLog.Fold(log.Entries).List.Select(r => r.Number));
        log.OpenText();
        Snapshot();
        Assert.Empty(SignatoryLog.Fold(log.Entries).List);
        log.Reconfirm(a);
        var d = log.Sign("Later Party", phase: "Subsequent");
        Snapshot();
        log.Change(d, "moved", s => s with { Organisation = Guid.NewGuid(), Name = "Later Party (merged)" });
        log.Publish("Closed");
        Snapshot();

        Assert.Equal([(1, "Rode Morgen (NL)"), (4, "Later Party (merged)")],
            SignatoryLog.Fold(log.Entries).List.Select(r => (r.Number, r.Name)));
        for (var later = 0; later < heads.Count; later++)
        {
            var alone = ListProofVerifier.Verify(bundles[later], log.Signer.PublicKeyPem);
            Assert.True(alone.AllHold, $"head {later}: {Describe(alone)}");
            for (var earlier = 0; earlier <= later; earlier++)
            {
                var report = ListProofVerifier.Verify(bundles[later], log.Signer.PublicKeyPem, heads[earlier].Head.ToJson());
                Assert.True(report.AllHold, $"head {earlier} against {later}: {Describe(report)}");
                var (first, second) = (heads[earlier], heads[later]);
                var leaves = second.Entries.Select(MerkleTree.LeafHash).ToList();
                var proof = MerkleTree.ConsistencyProof(leaves, (int)first.Head.TreeSize, (int)second.Head.TreeSize);
                Assert.True(MerkleTree.VerifyConsistency((int)first.Head.TreeSize, (int)second.Head.TreeSize,
                    Hex.Parse(first.Head.RootHash), Hex.Parse(second.Head.RootHash), proof));
            }
        }
    }

    [Fact]
    public void A_later_saved_head_than_the_bundle_shows_removal()
    {
        var log = new LogBuilder();
        log.OpenText();
        log.Sign("One");
        var older = log.Bundle();
        log.Sign("Two");

        var report = ListProofVerifier.Verify(older, log.Signer.PublicKeyPem, log.Head().ToJson());

        AssertFailsOnly(report, 5);
        Assert.Contains("entries were removed", report.Checks[4].Detail);
    }

    [Theory]
    [InlineData("not json", null, null)]
    [InlineData("{}", null, null)]
    [InlineData("""{"format":"workflow-signatory-list-proof/1"}""", null, null)]
    [InlineData(null, "not a key", null)]
    [InlineData(null, null, "{}")]
    public void Unusable_input_is_reported_as_such(string? bundle, string? key, string? savedHead)
    {
        var log = new LogBuilder();
        log.OpenText();

        var report = ListProofVerifier.Verify(bundle ?? log.Bundle(), key ?? log.Signer.PublicKeyPem, savedHead);

        Assert.Equal(2, report.ExitCode);
        Assert.NotNull(report.UnusableInput);
        Assert.False(report.AllHold);
    }

    [Fact]
    public void Any_mangled_input_gets_a_report_never_an_exception()
    {
        var log = new LogBuilder();
        log.OpenText();
        var a = log.Sign("Rode Morgen", "RM");
        var savedHead = log.Head().ToJson();
        log.Sign("Partija Rada");
        log.Change(a, "corrected", s => s with { Name = "Rode Morgen (NL)" });
        var receipt = log.Receipt(2);
        var inputs = new[] { log.Bundle(), log.Signer.PublicKeyPem, savedHead, receipt };
        const string alphabet = "{}[]\",:0123456789abcdefz-. \\u\0\n\u00e9\ud800";

        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[0, 2], Gen.Char[alphabet]).Sample((which, at, how, c) =>
        {
            var mangled = (string[])inputs.Clone();
            var text = mangled[which];
            var position = at % text.Length;
            mangled[which] = how switch
            {
                0 => text.Remove(position, 1),
                1 => text.Insert(position, c.ToString()),
                _ => text.Remove(position, 1).Insert(position, c.ToString()),
            };

            var report = ListProofVerifier.Verify(mangled[0], mangled[1], mangled[2], mangled[3]);

            Assert.Equal(report.AllHold, report.ExitCode == 0);
            Assert.True(report.UnusableInput is not null || report.Checks.Count == 6);
            Assert.All(report.Checks, check => Assert.False(string.IsNullOrWhiteSpace(check.Detail)));
        }, iter: 1000);
    }

    private static void AssertFailsOnly(VerificationReport report, params int[] failing)
    {
        Assert.Null(report.UnusableInput);
        Assert.True(
            failing.SequenceEqual(report.Checks.Where(c => c.Outcome == CheckOutcome.Fails).Select(c => c.Number)),
            $"expected only check(s) {string.Join(", ", failing)} to fail:\n{Describe(report)}");
        Assert.Equal(1, report.ExitCode);
    }

    private static string Describe(VerificationReport report) =>
        report.UnusableInput ?? string.Join("\n", report.Checks.Select(c => $"{c.Number} {c.Outcome}: {c.What}. {c.Detail}"));
}
