using System.Security.Cryptography;
using System.Text;

namespace Workflow.Proof;

/// <summary>
/// The Merkle tree of RFC 9162 §2.1 (the same hashing as RFC 6962): leaf hashes are SHA-256(0x00 || entry), interior
/// nodes SHA-256(0x01 || left || right), and a tree of n leaves splits at the largest power of two below n.
/// </summary>
public static class MerkleTree
{
    public static byte[] LeafHash(string entry)
    {
        var content = Encoding.UTF8.GetBytes(entry);
        var buffer = new byte[content.Length + 1];
        content.CopyTo(buffer, 1);
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(byte[] left, byte[] right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = 0x01;
        left.CopyTo(buffer, 1);
        right.CopyTo(buffer, 1 + left.Length);
        return SHA256.HashData(buffer);
    }

    public static byte[] EmptyRoot { get; } = SHA256.HashData([]);

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => Root(leafHashes, leafHashes.Count);

    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, int size)
    {
        CheckSize(leafHashes, size);
        return size switch
        {
            0 => (byte[])EmptyRoot.Clone(),
            1 => (byte[])leafHashes[0].Clone(),
            _ => Subtree(leafHashes, 0, size),
        };
    }

    /// <summary>PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, from the leaf's sibling up.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, int index, int size)
    {
        CheckSize(leafHashes, size);
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The leaf index must lie in the tree of {size} leaves.");
        var path = new List<byte[]>();
        Path(leafHashes, index, 0, size, path);
        return path;
    }

    /// <summary>RFC 9162 §2.1.3.2.</summary>
    public static bool VerifyInclusion(byte[] leafHash, int index, int size, IReadOnlyList<byte[]> proof, byte[] root)
    {
        if (index < 0 || index >= size || leafHash.Length != 32 || root.Length != 32)
            return false;
        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != 32)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when first is 0 or equals second.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, int first, int second)
    {
        CheckSize(leafHashes, second);
        if (first < 0 || first > second)
            throw new ArgumentOutOfRangeException(nameof(first), first,
                $"The earlier tree cannot be larger than the later one of {second} leaves.");
        var proof = new List<byte[]>();
        if (first > 0 && first < second)
            SubProof(leafHashes, first, 0, second, true, proof);
        return proof;
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2. The two cases the RFC's algorithm leaves out are settled as in CT logs: equal sizes are
    /// consistent when the roots are equal and the proof is empty; the empty tree is consistent with every tree.
    /// </summary>
    public static bool VerifyConsistency(int first, int second, byte[] firstRoot, byte[] secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second || firstRoot.Length != 32 || secondRoot.Length != 32)
            return false;
        if (first == 0)
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(firstRoot, EmptyRoot);
        if (first == second)
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(firstRoot, secondRoot);
        if (proof.Count == 0 || proof.Any(p => p.Length != 32))
            return false;

        var path = IsPowerOfTwo(first) ? proof.Prepend(firstRoot).ToList() : proof.ToList();
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0
            && CryptographicOperations.FixedTimeEquals(fr, firstRoot)
            && CryptographicOperations.FixedTimeEquals(sr, secondRoot);
    }

    internal static int LargestPowerOfTwoBelow(long n)
    {
        var k = 1;
        while ((long)k << 1 < n)
            k <<= 1;
        return k;
    }

    private static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    private static void CheckSize(IReadOnlyList<byte[]> leafHashes, int size)
    {
        if (size < 0 || size > leafHashes.Count)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The tree has {leafHashes.Count} leaves.");
    }

    // MTH(D[start:start+count]) for count >= 1.
    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 1)
            return leaves[start];
        var k = LargestPowerOfTwoBelow(count);
        return NodeHash(Subtree(leaves, start, k), Subtree(leaves, start + k, count - k));
    }

    private static void Path(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path)
    {
        if (count == 1)
            return;
        var k = LargestPowerOfTwoBelow(count);
        if (index < k)
        {
            Path(leaves, index, start, k, path);
            path.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            Path(leaves, index - k, start + k, count - k, path);
            path.Add(Subtree(leaves, start, k));
        }
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, int first, int start, int count, bool whole, List<byte[]> proof)
    {
        if (first == count)
        {
            if (!whole)
                proof.Add(Subtree(leaves, start, count));
            return;
        }
        var k = LargestPowerOfTwoBelow(count);
        if (first <= k)
        {
            SubProof(leaves, first, start, k, whole, proof);
            proof.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            SubProof(leaves, first - k, start + k, count - k, false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }
}
