using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CsCheck;
using Workflow.Core.Statements;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Publishing;
using StatementAggregate = Workflow.Core.Statements.Statement;
using Workflow.Proof;

namespace Workflow.Core.Tests.Publishing;

public sealed class LogEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Statement = Guid.Parse("0195a0b4-0000-7000-8000-000000000001");
    private const string HashA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string HashB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly TreeHeadSigner Signer = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static readonly SignatureFacts Facts = new(
        Guid.Parse("0195a0b4-0000-7000-8000-0000000000aa"), 7, Guid.Parse("0195a0b4-0000-7000-8000-0000000000bb"), "Rode Morgen",
        "Red Dawn", "RM", "NL",
        "Initial", Now.AddDays(-1), 2, HashA, 2, HashA, false, ["nl:1:" + HashB], "Active", null,
        new Provenance("InvitationLink", "rodemorgen.nl", null, null, null));

    private static string Entry(SignatureFacts facts, string change = "signed", int index = 3, DateTimeOffset? at = null,
        Guid? statement = null) =>
        LogEntries.Signature(statement ?? Statement, index, at ?? Now, change, facts);

    /// <summary>Each public fact, changed on its own.</summary>
    public static TheoryData<string> Changes() => new(ChangedFacts.Keys);

    private static readonly Dictionary<string, Func<SignatureFacts, SignatureFacts>> ChangedFacts = new()
    {
        ["signature"] = f => f with { SignatureId = Guid.Parse("0195a0b4-0000-7000-8000-0000000000cc") },
        ["number"] = f => f with { Number = 8 },
        ["organisation"] = f => f with { OrganisationId = Guid.Parse("0195a0b4-0000-7000-8000-0000000000dd") },
        ["name"] = f => f with { Name = "Rode Morgen!" },
        ["nameEnglish"] = f => f with { NameEnglish = null },
        ["nameEnglish empty"] = f => f with { NameEnglish = "" },
        ["acronym"] = f => f with { Acronym = "R.M." },
        ["country"] = f => f with { Country = "BE" },
        ["phase"] = f => f with { Phase = "Subsequent" },
        ["signedAt"] = f => f with { SignedAt = f.SignedAt!.Value.AddMilliseconds(1) },
        ["signedAt unknown"] = f => f with { SignedAt = null },
        ["signedVersion"] = f => f with { SignedVersion = 3 },
        ["signedTextHash"] = f => f with { SignedTextHash = HashB },
        ["confirmedVersion"] = f => f with { ConfirmedVersion = 3 },
        ["confirmedTextHash"] = f => f with { ConfirmedTextHash = HashB },
        ["confirmedBy"] = f => f with { ConfirmedByDrafters = true },
        ["translations"] = f => f with { Translations = [] },
        ["translations added"] = f => f with { Translations = ["nl:1:" + HashB, "fr:1:" + HashA] },
        ["status"] = f => f with { Status = "Withdrawn" },
        ["reason"] = f => f with { Reason = "Duplicate" },
        ["provenance kind"] = f => f with { Provenance = f.Provenance with { Kind = "SignOn" } },
        ["provenance emailDomain"] = f => f with { Provenance = f.Provenance with { EmailDomain = "example.org" } },
        ["provenance recordedBy"] = f => f with { Provenance = f.Provenance with { RecordedBy = "drafters" } },
        ["provenance note"] = f => f with { Provenance = f.Provenance with { Note = "By e-mail." } },
        ["provenance source"] = f => f with { Provenance = f.Provenance with { Source = "https://example.org/list" } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_any_public_fact_of_a_signature_changes_its_entry_and_leaf_hash(string fact)
    {
        var changed = ChangedFacts[fact](Facts);
        Assert.NotEqual(Entry(Facts), Entry(changed));
        Assert.NotEqual(MerkleTree.LeafHash(Entry(Facts)), MerkleTree.LeafHash(Entry(changed)));
        Assert.NotEqual(LogEntries.FactsOf(Facts), LogEntries.FactsOf(changed));
    }

    [Fact]
    public void The_entrys_own_fields_are_covered_by_its_hash_too()
    {
        var hash = Hex.Of(MerkleTree.LeafHash(Entry(Facts)));
        Assert.NotEqual(hash, Hex.Of(MerkleTree.LeafHash(Entry(Facts, change: "reconfirmed"))));
        Assert.NotEqual(hash, Hex.Of(MerkleTree.LeafHash(Entry(Facts, index: 4))));
        Assert.NotEqual(hash, Hex.Of(MerkleTree.LeafHash(Entry(Facts, at: Now.AddMilliseconds(1)))));
        Assert.NotEqual(hash, Hex.Of(MerkleTree.LeafHash(Entry(Facts, statement: Guid.Parse("0195a0b4-0000-7000-8000-000000000002")))));
    }

    [Fact]
    public void The_same_facts_always_make_the_same_bytes_in_the_documented_order()
    {
        Assert.Equal(Entry(Facts), Entry(Facts with { Translations = ["nl:1:" + HashB] }));
        var names = JsonNode.Parse(Entry(Facts))!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["v", "statement", "index", "at", "type", "change", "signature", "number", "organisation", "name",
            "nameEnglish", "acronym", "country",
            "phase", "signedAt", "signedVersion", "signedTextHash", "confirmedVersion", "confirmedTextHash", "confirmedBy",
            "translations", "status",
            "reason", "provenance"], names);
        Assert.StartsWith("{\"v\":1,\"statement\":\"0195a0b4-0000-7000-8000-000000000001\",\"index\":3," +
            "\"at\":\"2026-03-01T09:00:00.000Z\",\"type\":\"signature\"",
            Entry(Facts));
    }

    [Fact]
    public void Any_two_different_names_make_different_entries()
    {
        // Names hold any script, quotes, backslashes and controls: the escaping must keep every two of them apart.
        var name = Gen.String[Gen.Char['\0', '\uD7FF'], 0, 12];
        Gen.Select(name, name).Where((a, b) => a != b).Sample((a, b) =>
            Assert.NotEqual(MerkleTree.LeafHash(Entry(Facts with { Name = a })), MerkleTree.LeafHash(Entry(Facts with { Name = b }))));
    }

    [Fact]
    public void A_signature_entry_holds_its_facts_and_nothing_else_the_public_does_not_see()
    {
        var (statement, version) = StatementAggregate.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Rode Morgen", null, null, "NL"), Now);
        var signature = statement.Sign(organisation, new OrganisationDetails("Rode Morgen", null, null, "NL"), version, "Ana Geheim",
            "Secretaris", null, Now,
            null, new SignatureOrigin(SignatureProvenance.InvitationLink, "rodemorgen.nl"), Now);

        var entry = LogEntries.Signature(statement.Id, 1, Now, "signed", SignatureFacts.Of(signature));

        Assert.DoesNotContain("Ana Geheim", entry);
        Assert.DoesNotContain("Secretaris", entry);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(LogEntries.FactsOf(SignatureFacts.Of(signature))),
            JsonNode.Parse(SignatoryLogWriter.FactsIn(entry))));
        var parsed = JsonNode.Parse(entry)!;
        Assert.Equal(signature.Id.ToString("D"), parsed["signature"]!.GetValue<string>());
        Assert.Equal("rodemorgen.nl", parsed["provenance"]!["emailDomain"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SignatureProvenance.InvitationLink, "example.org", null)]
    [InlineData(SignatureProvenance.SignOn, "example.org", null)]
    [InlineData(SignatureProvenance.HandedOverLink, "example.org", "drafters")]
    [InlineData(SignatureProvenance.RecordedByDrafters, null, "drafters")]
    [InlineData(SignatureProvenance.Imported, null, "drafters")]
    public void The_provenance_shows_an_address_domain_only_for_links_and_sign_ons_and_drafters_for_what_they_made(
        SignatureProvenance kind, string? domain, string? recordedBy)
    {
        var provenance = ProvenanceFacts.Of(kind, "example.org", "note", "source");
        Assert.Equal(new Provenance(kind.ToString(), domain, recordedBy, "note", "source"), provenance);
    }

    [Fact]
    public void Each_entry_extends_the_tree_of_the_ones_before_with_a_signed_head_and_a_proof_of_its_inclusion()
    {
        var entries = new List<LogEntry>();
        LogEntry? previous = null;
        for (var i = 0; i < 9; i++)
        {
            var hash = i % 2 == 0 ? HashA : HashB;
            previous = LogEntry.After(previous, Statement, LogEntryType.Text, null,
                index => LogEntries.Text(Statement, index, Now.AddMinutes(index), index, hash),
                Signer, Now.AddMinutes(i));
            entries.Add(previous);
        }

        var leaves = entries.Select(e => MerkleTree.LeafHash(e.Entry)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            Assert.Equal(i, entry.Index);
            Assert.Equal(i, JsonNode.Parse(entry.Entry)!["index"]!.GetValue<int>());
            Assert.Equal(Hex.Of(leaves[i]), entry.LeafHash);
            var head = entry.TreeHead;
            Assert.Equal((Statement, i + 1L), (head.Statement, head.TreeSize));
            Assert.Equal(Hex.Of(MerkleTree.Root(leaves, i + 1)), head.RootHash);
            Assert.True(TreeHeadVerifier.Verify(head, Signer.PublicKeyPem));
            Assert.True(MerkleTree.VerifyInclusion(leaves[i], i, i + 1, entry.InclusionProof(), Convert.FromHexString(head.RootHash)));
        }
    }

    [Fact]
    public void Rewriting_an_earlier_entry_changes_the_root_of_every_later_head()
    {
        IReadOnlyList<string> Roots(string firstHash)
        {
            LogEntry? previous = null;
            var roots = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                var hash = i == 0 ? firstHash : HashA;
                previous = LogEntry.After(previous, Statement, LogEntryType.Text, null,
                    index => LogEntries.Text(Statement, index, Now, 1, hash), Signer, Now);
                roots.Add(previous.TreeHead.RootHash);
            }
            return roots;
        }

        var honest = Roots(HashA);
        var rewritten = Roots(HashB);
        Assert.All(honest.Zip(rewritten), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void The_writer_appends_text_and_signatures_in_order_and_marks_where_each_signature_stands()
    {
        var (statement, version) = StatementAggregate.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var opened = statement.PendingEvents.OfType<StatementEvents.OpenedForSignature>().Single();
        var organisation = Organisation.Register(new OrganisationDetails("Rode Morgen", null, null, "NL"), Now);
        var signature = statement.Sign(organisation, new OrganisationDetails("Rode Morgen", null, null, "NL"), version,
            "Ana", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now.AddMinutes(1));

        var appended = SignatoryLogWriter.Append(
            [
                new(statement.Id, LogEntryType.Text, null, "", statement, opened, Now),
                new(statement.Id, LogEntryType.Signature, signature, "signed", null, null, Now.AddMinutes(1)),
            ],
            new Dictionary<Guid, LogEntry?>(), new Dictionary<Guid, string>(), Signer);

        Assert.Equal([0, 1], appended.Select(e => e.Index));
        Assert.Equal([LogEntryType.Text, LogEntryType.Signature], appended.Select(e => e.Type));
        var text = JsonNode.Parse(appended[0].Entry)!;
        Assert.Equal((1, version.TextHash), (text["version"]!.GetValue<int>(), text["textHash"]!.GetValue<string>()));
        Assert.Equal(signature.Id, appended[1].SignatureId);
        Assert.Equal("signed", JsonNode.Parse(appended[1].Entry)!["change"]!.GetValue<string>());
        Assert.Equal(1, signature.LogIndex);
        Assert.Equal(2, appended[1].TreeHead.TreeSize);
    }

    [Fact]
    public void The_writer_skips_a_signature_whose_public_facts_its_last_entry_already_says_and_continues_the_log_after_the_last_entry()
    {
        var (statement, version) = StatementAggregate.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Rode Morgen", null, null, "NL"), Now);
        var signature = statement.Sign(organisation, new OrganisationDetails("Rode Morgen", null, null, "NL"), version,
            "Ana", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now);
        LogEntry? last = null;
        for (var i = 0; i < 4; i++)
            last = LogEntry.After(last, statement.Id, LogEntryType.Text, null, index => LogEntries.Text(statement.Id, index, Now, 1, HashA),
                Signer, Now);
        var lastEntries = new Dictionary<Guid, LogEntry?> { [statement.Id] = last };
        var known = new Dictionary<Guid, string> { [signature.Id] = LogEntries.FactsOf(SignatureFacts.Of(signature)) };

        var unchanged = SignatoryLogWriter.Append([new(statement.Id, LogEntryType.Signature, signature, "changed", null, null, Now)],
            lastEntries, known, Signer);
        Assert.Empty(unchanged);
        Assert.Null(signature.LogIndex);

        signature.Withdraw("We left the coalition.", Now.AddDays(1));
        var withdrawn = Assert.Single(
            SignatoryLogWriter.Append([new(statement.Id, LogEntryType.Signature, signature, "withdrawn", null, null, Now.AddDays(1))],
            lastEntries, known, Signer));
        Assert.Equal(4, withdrawn.Index);
        Assert.Equal("Withdrawn", JsonNode.Parse(withdrawn.Entry)!["status"]!.GetValue<string>());
        var leaves = Enumerable.Range(0, 4).Select(i => MerkleTree.LeafHash(LogEntries.Text(statement.Id, i, Now, 1, HashA)))
            .Append(MerkleTree.LeafHash(withdrawn.Entry)).ToList();
        Assert.Equal(Hex.Of(MerkleTree.Root(leaves)), withdrawn.TreeHead.RootHash);
        Assert.Equal(4, signature.LogIndex);
    }
}
