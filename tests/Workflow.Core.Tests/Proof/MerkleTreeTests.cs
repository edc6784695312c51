using CsCheck;
using Workflow.Proof;

namespace Workflow.Core.Tests.Proof;

public sealed class MerkleTreeTests
{
    // The RFC 6962 test tree (the same hashing as RFC 9162) published with Certificate Transparency's reference code:
    // eight leaves, every perfect subtree's hash by level, and the root of every prefix.
    private static readonly string[] Leaves = ["", "\0", "\x10", " !", "01", "@ABC", "PQRSTUVW", "`abcdefghijklmno"];

    private static readonly string[][] Nodes =
    [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        ["d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ];

    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static byte[][] KnownLeafHashes => Leaves.Select(MerkleTree.LeafHash).ToArray();

    [Fact]
    public void Leaf_hashes_and_the_root_of_every_prefix_match_the_RFC_6962_test_tree()
    {
        Assert.Equal(Nodes[0], KnownLeafHashes.Select(Hex.Of));
        for (var size = 0; size <= 8; size++)
            Assert.Equal(Roots[size], Hex.Of(MerkleTree.Root(KnownLeafHashes, size)));
        Assert.Equal(Roots[0], Hex.Of(MerkleTree.EmptyRoot));
        Assert.Equal(Nodes[1][2], Hex.Of(MerkleTree.NodeHash(KnownLeafHashes[4], KnownLeafHashes[5])));
    }

    [Theory]
    [InlineData(0, 8, "0:1 1:1 2:1")]
    [InlineData(5, 8, "0:4 1:3 2:0")]
    [InlineData(2, 3, "1:0")]
    [InlineData(1, 5, "0:0 1:1 0:4")]
    [InlineData(0, 1, "")]
    public void Inclusion_proofs_match_the_RFC_6962_test_tree(int index, int size, string expectedNodes)
    {
        var expected = Named(expectedNodes);

        var proof = MerkleTree.InclusionProof(KnownLeafHashes, index, size);

        Assert.Equal(expected, proof.Select(Hex.Of));
        Assert.True(MerkleTree.VerifyInclusion(KnownLeafHashes[index], index, size, proof, Hex.Parse(Roots[size])));
    }

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 8, "0:1 1:1 2:1")]
    [InlineData(6, 8, "1:2 1:3 2:0")]
    [InlineData(2, 5, "1:1 0:4")]
    [InlineData(4, 8, "2:1")]
    public void Consistency_proofs_match_the_RFC_6962_test_tree(int first, int second, string expectedNodes)
    {
        var expected = Named(expectedNodes);

        var proof = MerkleTree.ConsistencyProof(KnownLeafHashes, first, second);

        Assert.Equal(expected, proof.Select(Hex.Of));
        Assert.True(MerkleTree.VerifyConsistency(first, second, Hex.Parse(Roots[first]), Hex.Parse(Roots[second]), proof));
    }

    [Fact]
    public void Every_inclusion_proof_of_a_random_tree_verifies_and_fails_once_any_byte_of_leaf_proof_or_root_changes()
    {
        Trees.Sample((leaves, flip) =>
        {
            var root = MerkleTree.Root(leaves);
            for (var index = 0; index < leaves.Length; index++)
            {
                var proof = MerkleTree.InclusionProof(leaves, index, leaves.Length);
                Assert.True(MerkleTree.VerifyInclusion(leaves[index], index, leaves.Length, proof, root),
                    $"leaf {index} of {leaves.Length}");
                Assert.False(MerkleTree.VerifyInclusion(Flipped(leaves[index], flip), index, leaves.Length, proof, root));
                Assert.False(MerkleTree.VerifyInclusion(leaves[index], index, leaves.Length, proof, Flipped(root, flip)));
                for (var element = 0; element < proof.Count; element++)
                    Assert.False(MerkleTree.VerifyInclusion(leaves[index], index, leaves.Length, WithFlipped(proof, element, flip), root));
                if (leaves.Length > 1)
                    Assert.False(MerkleTree.VerifyInclusion(leaves[index], (index + 1) % leaves.Length, leaves.Length, proof, root));
            }
        }, iter: 40);
    }

    [Fact]
    public void Every_consistency_proof_between_prefixes_of_a_random_tree_verifies_and_fails_once_any_byte_changes()
    {
        Trees.Sample((leaves, flip) =>
        {
            var second = leaves.Length;
            var secondRoot = MerkleTree.Root(leaves);
            for (var first = 0; first <= second; first++)
            {
                var firstRoot = MerkleTree.Root(leaves, first);
                var proof = MerkleTree.ConsistencyProof(leaves, first, second);
                Assert.True(MerkleTree.VerifyConsistency(first, second, firstRoot, secondRoot, proof), $"{first} to {second}");
                Assert.False(MerkleTree.VerifyConsistency(first, second, Flipped(firstRoot, flip), secondRoot, proof));
                if (first > 0)
                    Assert.False(MerkleTree.VerifyConsistency(first, second, firstRoot, Flipped(secondRoot, flip), proof));
                for (var element = 0; element < proof.Count; element++)
                    Assert.False(MerkleTree.VerifyConsistency(first, second, firstRoot, secondRoot, WithFlipped(proof, element, flip)));
            }
        }, iter: 40);
    }

    [Fact]
    public void A_tree_whose_earlier_leaf_was_rewritten_is_not_consistent_with_the_earlier_root()
    {
        Gen.Select(Gen.Int[1, 300], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((size, a, b) =>
        {
            var leaves = Enumerable.Range(0, size).Select(i => MerkleTree.LeafHash($"entry {i}")).ToArray();
            var first = 1 + a % size;
            var rewritten = b % first;
            var firstRoot = MerkleTree.Root(leaves, first);
            leaves[rewritten] = MerkleTree.LeafHash("rewritten");

            var proof = MerkleTree.ConsistencyProof(leaves, first, size);

            Assert.False(MerkleTree.VerifyConsistency(first, size, firstRoot, MerkleTree.Root(leaves), proof));
        }, iter: 200);
    }

    [Fact]
    public void The_frontier_gives_the_root_and_the_inclusion_proof_of_the_last_leaf_after_every_append()
    {
        Gen.Int[1, 300].Sample(size =>
        {
            var leaves = Enumerable.Range(0, size).Select(i => MerkleTree.LeafHash($"{{\"index\":{i},\"n\":{size}}}")).ToArray();
            var frontier = MerkleFrontier.Empty;
            Assert.Equal(Hex.Of(MerkleTree.EmptyRoot), Hex.Of(frontier.Root()));
            for (var n = 1; n <= size; n++)
            {
                frontier = MerkleFrontier.Parse(frontier.Serialize()).Append(leaves[n - 1]);
                Assert.Equal(n, frontier.Size);
                Assert.Equal(Hex.Of(MerkleTree.Root(leaves, n)), Hex.Of(frontier.Root()));
                Assert.Equal(MerkleTree.InclusionProof(leaves, n - 1, n).Select(Hex.Of), frontier.InclusionProofOfLast().Select(Hex.Of));
                Assert.True(frontier.Serialize().Split(':')[1].Split(',').Length <= 64);
            }
        }, iter: 30);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x:")]
    [InlineData("1:")]
    [InlineData("0:6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData("2:6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData("1:6e340b9c")]
    [InlineData("-1:")]
    public void A_frontier_that_is_not_one_is_refused(string text) =>
        Assert.Throws<FormatException>(() => MerkleFrontier.Parse(text));

    private static Gen<(byte[][] Leaves, int Flip)> Trees =>
        Gen.Select(Gen.Int[1, 300], Gen.Int[0, 32 * 8 - 1], (size, flip) =>
            (Enumerable.Range(0, size).Select(i => MerkleTree.LeafHash($"leaf {i} of {size}")).ToArray(), flip));

    private static string[] Named(string nodes) =>
        nodes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.Split(':')).Select(p => Nodes[int.Parse(p[0])][int.Parse(p[1])]).ToArray();

    private static byte[] Flipped(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> WithFlipped(IReadOnlyList<byte[]> proof, int element, int bit) =>
        proof.Select((p, i) => i == element ? Flipped(p, bit) : p).ToList();
}
