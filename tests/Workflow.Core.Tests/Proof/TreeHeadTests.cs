using System.Security.Cryptography;
using System.Text.Json;
using Workflow.Proof;

namespace Workflow.Core.Tests.Proof;

public sealed class TreeHeadTests
{
    private static readonly Guid Statement = Guid.Parse("0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e");
    private static readonly DateTimeOffset At = new(2026, 12, 1, 19, 30, 13, 123, TimeSpan.Zero);

    [Fact]
    public void A_signed_head_verifies_with_the_signers_public_key_after_a_trip_through_its_json()
    {
        var signer = new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var root = MerkleTree.LeafHash("entry");

        var head = signer.Sign(Statement, 1, root, At.AddTicks(4567));
        var json = head.ToJson();
        var parsed = TreeHead.Parse(json);

        Assert.Equal(
            $$"""{"statement":"0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e","treeSize":1,"rootHash":"{{Hex.Of(root)}}","timestamp":"2026-12-01T19:30:13.123Z","keyId":"{{signer.KeyId}}","signature":"{{head.Signature}}"}""",
            json);
        Assert.Equal(head, parsed);
        Assert.Equal(64, Convert.FromBase64String(head.Signature).Length);
        Assert.True(TreeHeadVerifier.Verify(parsed, signer.PublicKeyPem));
        Assert.Equal(signer.KeyId, TreeHeadVerifier.KeyIdOf(signer.PublicKeyPem));
        Assert.Equal(Hex.Of(SHA256.HashData(Convert.FromBase64String(string.Concat(signer.PublicKeyPem.Split('\n')
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))))), signer.KeyId);
        Assert.Equal(head, JsonSerializer.Deserialize<TreeHead>(json));
    }

    [Fact]
    public void The_signed_bytes_are_the_prefix_and_the_fields_each_on_its_line() =>
        Assert.Equal(
            "workflow-tree-head/1\n0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e\n12\nabc\n2026-12-01T19:30:13.123Z\n",
            System.Text.Encoding.UTF8.GetString(TreeHead.SigningBytes(Statement, 12, "abc", At.ToOffset(TimeSpan.FromHours(2)))));

    [Fact]
    public void A_head_with_any_field_changed_or_checked_with_another_key_does_not_verify()
    {
        var signer = new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var other = new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var head = signer.Sign(Statement, 5, MerkleTree.LeafHash("x"), At);
        var signature = Convert.FromBase64String(head.Signature);
        signature[10] ^= 1;

        Assert.False(TreeHeadVerifier.Verify(head with { Statement = Guid.NewGuid() }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head with { TreeSize = 4 }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head with { RootHash = Hex.Of(MerkleTree.LeafHash("y")) }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head with { Timestamp = At.AddMilliseconds(1) }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head with { Signature = Convert.ToBase64String(signature) }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head with { Signature = "not base64" }, signer.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head, other.PublicKeyPem));
        // The same signature presented as made by the other key still fails.
        Assert.False(TreeHeadVerifier.Verify(head with { KeyId = other.KeyId }, other.PublicKeyPem));
        Assert.False(TreeHeadVerifier.Verify(head, "not a key"));
    }

    [Fact]
    public void A_key_that_is_not_P256_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TreeHeadSigner(ECDsa.Create(ECCurve.NamedCurves.nistP384)));
        Assert.Throws<FormatException>(() => TreeHeadVerifier.KeyIdOf(ECDsa.Create(ECCurve.NamedCurves.nistP384)
            .ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<FormatException>(() => TreeHeadVerifier.KeyIdOf("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    [Fact]
    public void LoadOrCreate_creates_an_owner_only_key_once_and_loads_the_same_key_afterwards()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workflow-proof-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, "keys", "log.pem");

            var created = TreeHeadSigner.LoadOrCreate(path);
            var loaded = TreeHeadSigner.LoadOrCreate(path);

            Assert.Equal(created.KeyId, loaded.KeyId);
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.True(TreeHeadVerifier.Verify(created.Sign(Statement, 0, MerkleTree.EmptyRoot, At), loaded.PublicKeyPem));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Processes_starting_at_once_all_load_the_one_key_that_was_created()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workflow-proof-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, "log.pem");

            var signers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => TreeHeadSigner.LoadOrCreate(path))));

            Assert.Single(signers.Select(s => s.KeyId).Distinct());
            Assert.Equal(["log.pem"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"statement":"x","treeSize":1,"rootHash":"a","timestamp":"2026-12-01T19:30:13.123Z","keyId":"k","signature":"s"}""")]
    [InlineData("""{"statement":"0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e","treeSize":-1,"rootHash":"a","timestamp":"2026-12-01T19:30:13.123Z","keyId":"k","signature":"s"}""")]
    [InlineData("""{"statement":"0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e","treeSize":1,"rootHash":"a","timestamp":"yesterday","keyId":"k","signature":"s"}""")]
    [InlineData("""{"statement":"0b9f5a5e-3c1d-4e3f-9a63-1f4a2b7c8d9e","treeSize":1,"rootHash":"a","timestamp":"2026-12-01T19:30:13Z","keyId":"k","signature":"s"}""")]
    public void Text_that_is_not_a_tree_head_is_refused(string json) =>
        Assert.Throws<FormatException>(() => TreeHead.Parse(json));

    [Fact]
    public void Hashes_are_64_lower_case_hex_digits()
    {
        var hash = Hex.Of(MerkleTree.EmptyRoot);

        Assert.Equal(MerkleTree.EmptyRoot, Hex.TryParseHash(hash));
        Assert.Null(Hex.TryParseHash(hash.ToUpperInvariant()));
        Assert.Null(Hex.TryParseHash(hash[1..]));
        Assert.Null(Hex.TryParseHash(hash[1..] + "g"));
        Assert.Null(Hex.TryParseHash(null));
    }
}
