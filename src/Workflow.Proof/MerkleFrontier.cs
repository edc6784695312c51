using System.Numerics;

namespace Workflow.Proof;

/// <summary>
/// The right edge of a tree, enough to append leaves, compute the root and give the inclusion proof of the last leaf
/// without the earlier leaves. It keeps the roots of the perfect subtrees of the first <c>Size - 1</c> leaves (largest
/// first) and the last leaf's hash: the inclusion proof of the last leaf is exactly those roots, smallest first, which
/// the perfect subtrees of all <c>Size</c> leaves alone could not give when Size is even. At most 64 hashes.
/// Serialised as <c>"size:hex,hex,..."</c>: those roots, then the last leaf's hash; <c>"0:"</c> for the empty tree.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly byte[][] earlierRoots;
    private readonly byte[]? lastLeaf;

    private MerkleFrontier(long size, byte[][] earlierRoots, byte[]? lastLeaf)
    {
        Size = size;
        this.earlierRoots = earlierRoots;
        this.lastLeaf = lastLeaf;
    }

    public static MerkleFrontier Empty { get; } = new(0, [], null);

    public long Size { get; }

    public MerkleFrontier Append(byte[] leafHash)
    {
        if (leafHash.Length != 32)
            throw new ArgumentException("A leaf hash has 32 bytes.", nameof(leafHash));
        if (lastLeaf is null)
            return new MerkleFrontier(1, [], (byte[])leafHash.Clone());
        // Adding the last leaf to the first Size - 1 merges one pair of equal subtrees per trailing one bit of Size - 1.
        var roots = new List<byte[]>(earlierRoots);
        var merged = lastLeaf;
        for (var earlier = Size - 1; (earlier & 1) == 1; earlier >>= 1)
        {
            merged = MerkleTree.NodeHash(roots[^1], merged);
            roots.RemoveAt(roots.Count - 1);
        }
        roots.Add(merged);
        return new MerkleFrontier(Size + 1, [.. roots], (byte[])leafHash.Clone());
    }

    public byte[] Root()
    {
        if (lastLeaf is null)
            return (byte[])MerkleTree.EmptyRoot.Clone();
        var root = (byte[])lastLeaf.Clone();
        for (var i = earlierRoots.Length - 1; i >= 0; i--)
            root = MerkleTree.NodeHash(earlierRoots[i], root);
        return root;
    }

    /// <summary>Equals <c>MerkleTree.InclusionProof(leaves, Size - 1, Size)</c>.</summary>
    public IReadOnlyList<byte[]> InclusionProofOfLast()
    {
        if (lastLeaf is null)
            throw new InvalidOperationException("The empty tree has no last leaf.");
        return earlierRoots.Reverse().Select(r => (byte[])r.Clone()).ToList();
    }

    public string Serialize()
    {
        var hashes = lastLeaf is null ? earlierRoots : earlierRoots.Append(lastLeaf);
        return $"{Size}:{string.Join(',', hashes.Select(Hex.Of))}";
    }

    /// <exception cref="FormatException">The text is not a frontier written by <see cref="Serialize"/>.</exception>
    public static MerkleFrontier Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0 || !long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var size))
            throw new FormatException("A frontier starts with its size and a colon.");
        var list = text[(colon + 1)..];
        var hashes = list.Length == 0 ? [] : list.Split(',').Select(h => Hex.TryParseHash(h)
            ?? throw new FormatException($"'{h}' is not a 64-digit hash.")).ToArray();
        if (size == 0)
            return hashes.Length == 0 ? Empty : throw new FormatException("The empty frontier has no hashes.");
        var expected = BitOperations.PopCount((ulong)(size - 1)) + 1;
        if (hashes.Length != expected)
            throw new FormatException($"A frontier of size {size} has {expected} hashes, not {hashes.Length}.");
        return new MerkleFrontier(size, hashes[..^1], hashes[^1]);
    }
}
