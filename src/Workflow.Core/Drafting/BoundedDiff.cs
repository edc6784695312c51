namespace Workflow.Core.Drafting;

/// <summary>
/// A diff of two sequences of pieces (lines, or words and spaces) whose cost has a bound whatever the texts. Myers' algorithm
/// costs about (n + m) × d, d the number of differing pieces: on two unrelated 200 KB texts DiffPlex took 20 s of CPU. So,
/// as patience diff does, the common start and end are set aside, pieces found once on each side and in the same order
/// anchor the rest, and the stretches between anchors are compared the same way. Myers' algorithm only runs on stretches of
/// at most <see cref="MyersPieces"/> pieces, stopping after <see cref="MaxEdits"/> edits or as many as the comparison's
/// <see cref="DiffBudget"/> still allows; a stretch beyond that is shown as replaced as a whole. What differs is always shown; only how
/// finely is bounded.
/// </summary>
/// <remarks>DiffPlex, which we used before, has no way to bound its work, hence this.</remarks>
internal sealed class BoundedDiff(DiffBudget budget)
{
    /// <summary>The most pieces (both sides together) Myers' algorithm is given at once.</summary>
    public const int MyersPieces = 4_000;

    /// <summary>The most edits Myers' algorithm looks for at once: what it keeps to walk back grows with their square.</summary>
    public const int MaxEdits = 1_000;

    private const int MaxDepth = 16;

    /// <summary>A stretch where both sides are equal, or where <paramref name="OldCount"/> pieces were replaced by
    /// <paramref name="NewCount"/>.</summary>
    public readonly record struct Block(bool Equal, int OldStart, int OldCount, int NewStart, int NewCount);

    private int[] _a = [], _b = [];
    // Per piece id: how often it occurs on each side of the stretch being anchored, and where.
    private int[] _countA = [], _countB = [], _positionA = [], _positionB = [];

    public List<Block> Diff(IReadOnlyList<string> oldPieces, IReadOnlyList<string> newPieces)
    {
        // Pieces become numbers once, so that every later comparison is of integers.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string piece) => ids.TryGetValue(piece, out var id) ? id : ids[piece] = ids.Count;
        _a = oldPieces.Select(Id).ToArray();
        _b = newPieces.Select(Id).ToArray();
        (_countA, _countB, _positionA, _positionB) = (new int[ids.Count], new int[ids.Count], new int[ids.Count], new int[ids.Count]);

        var blocks = new List<Block>();
        Compare(0, _a.Length, 0, _b.Length, 0, blocks);
        return blocks;
    }

    private void Compare(int aLo, int aHi, int bLo, int bHi, int depth, List<Block> blocks)
    {
        var prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && _a[aLo + prefix] == _b[bLo + prefix]) prefix++;
        Emit(blocks, new Block(true, aLo, prefix, bLo, prefix));
        aLo += prefix;
        bLo += prefix;
        var suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo && _a[aHi - suffix - 1] == _b[bHi - suffix - 1]) suffix++;
        aHi -= suffix;
        bHi -= suffix;

        if (aLo == aHi || bLo == bHi || !(TryMyers(aLo, aHi, bLo, bHi, blocks) || TryAnchors(aLo, aHi, bLo, bHi, depth, blocks)))
            Emit(blocks, new Block(false, aLo, aHi - aLo, bLo, bHi - bLo));
        Emit(blocks, new Block(true, aHi, suffix, bHi, suffix));
    }

    private bool TryAnchors(int aLo, int aHi, int bLo, int bHi, int depth, List<Block> blocks)
    {
        if (depth >= MaxDepth) return false;
        var anchors = UniqueAnchors(aLo, aHi, bLo, bHi);
        if (anchors.Count == 0) return false;
        foreach (var (anchorA, anchorB) in anchors)
        {
            Compare(aLo, anchorA, bLo, anchorB, depth + 1, blocks);
            Emit(blocks, new Block(true, anchorA, 1, anchorB, 1));
            (aLo, bLo) = (anchorA + 1, anchorB + 1);
        }
        Compare(aLo, aHi, bLo, bHi, depth + 1, blocks);
        return true;
    }

    /// <summary>Pieces found exactly once on each side, the longest run of them in the same order on both (patience sorting).</summary>
    private List<(int A, int B)> UniqueAnchors(int aLo, int aHi, int bLo, int bHi)
    {
        for (var i = aLo; i < aHi; i++) { _countA[_a[i]]++; _positionA[_a[i]] = i; }
        for (var j = bLo; j < bHi; j++) { _countB[_b[j]]++; _positionB[_b[j]] = j; }
        var unique = new List<(int A, int B)>();
        for (var i = aLo; i < aHi; i++)
            if (_countA[_a[i]] == 1 && _countB[_a[i]] == 1) unique.Add((i, _positionB[_a[i]]));
        for (var i = aLo; i < aHi; i++) _countA[_a[i]] = 0;
        for (var j = bLo; j < bHi; j++) _countB[_b[j]] = 0;

        // Longest increasing run of B positions: tails[k] ends the best run of length k + 1 found so far.
        var tails = new List<int>();
        var previous = new int[unique.Count];
        for (var i = 0; i < unique.Count; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (unique[tails[mid]].B < unique[i].B) lo = mid + 1; else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var anchors = new List<(int, int)>();
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i]) anchors.Add(unique[i]);
        anchors.Reverse();
        return anchors;
    }

    /// <summary>
    /// Myers' greedy shortest edit script, giving up (false) beyond the edits the budget allows. Its work is about
    /// (n + m) × d, what the budget is charged.
    /// </summary>
    private bool TryMyers(int aLo, int aHi, int bLo, int bHi, List<Block> blocks)
    {
        int n = aHi - aLo, m = bHi - bLo;
        if (n + m > MyersPieces) return false;
        var maxEdits = (int)Math.Min(Math.Min(n + m, MaxEdits), budget.Remaining / (n + m));
        if (maxEdits == 0) return false;

        var offset = maxEdits + 1;
        var v = new int[2 * maxEdits + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= maxEdits; d++)
        {
            // v before this step, diagonals -d..d, kept to walk back.
            var before = new int[2 * d + 1];
            Array.Copy(v, offset - d, before, 0, 2 * d + 1);
            trace.Add(before);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && _a[aLo + x] == _b[bLo + y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    budget.Spend((long)(n + m) * (d + 1));
                    WalkBack(trace, d, n, m, aLo, bLo, blocks);
                    return true;
                }
            }
        }
        budget.Spend((long)(n + m) * maxEdits);
        return false;
    }

    private static void WalkBack(List<int[]> trace, int edits, int x, int y, int aLo, int bLo, List<Block> blocks)
    {
        var steps = new List<Block>();
        for (var d = edits; d > 0; d--)
        {
            var before = trace[d];
            int At(int k) => before[k + d];
            var k = x - y;
            var down = k == -d || (k != d && At(k - 1) < At(k + 1));
            var previousK = down ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            var snakeX = down ? previousX : previousX + 1;
            steps.Add(new Block(true, aLo + snakeX, x - snakeX, bLo + snakeX - k, x - snakeX));
            steps.Add(down ? new Block(false, aLo + previousX, 0, bLo + previousY, 1)
                : new Block(false, aLo + previousX, 1, bLo + previousY, 0));
            (x, y) = (previousX, previousY);
        }
        steps.Add(new Block(true, aLo, x, bLo, x));
        for (var i = steps.Count - 1; i >= 0; i--) Emit(blocks, steps[i]);
    }

    private static void Emit(List<Block> blocks, Block block)
    {
        if (block.OldCount == 0 && block.NewCount == 0) return;
        if (blocks.Count > 0 && blocks[^1] is var last && last.Equal == block.Equal
            && last.OldStart + last.OldCount == block.OldStart && last.NewStart + last.NewCount == block.NewStart)
            blocks[^1] = last with { OldCount = last.OldCount + block.OldCount, NewCount = last.NewCount + block.NewCount };
        else blocks.Add(block);
    }
}

/// <summary>The work Myers' algorithm may still do for one comparison of two texts (steps along the diagonals), shared by its
/// calls.</summary>
internal sealed class DiffBudget(long steps)
{
    public long Remaining { get; private set; } = steps;

    public void Spend(long spent) => Remaining = Math.Max(0, Remaining - spent);
}
