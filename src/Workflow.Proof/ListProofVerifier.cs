using System.Text.Json;

namespace Workflow.Proof;

public enum CheckOutcome { Holds, Fails, NotChecked }

/// <summary>One check of a list export: what was checked, whether it holds, and why, in plain words.</summary>
public sealed record VerificationCheck(int Number, string What, CheckOutcome Outcome, string Detail);

/// <summary>
/// The checks of a list export, or why the input could not be checked at all (<see cref="UnusableInput"/>).
/// Exit codes: 0 every check holds, 1 one fails, 2 the input is unusable.
/// </summary>
public sealed record VerificationReport(IReadOnlyList<VerificationCheck> Checks, string? UnusableInput)
{
    public bool AllHold => UnusableInput is null && Checks.All(c => c.Outcome != CheckOutcome.Fails);

    public int ExitCode => UnusableInput is not null ? 2 : AllHold ? 0 : 1;

    internal static VerificationReport Unusable(string why) => new([], why);
}

/// <summary>
/// Verifies a list export with proof ("workflow-signatory-list-proof/1") without trusting the server that made it:
/// only the public key, a tree head kept from earlier and a receipt, all optional but the key, are trusted.
/// </summary>
public static class ListProofVerifier
{
    public const string BundleFormat = "workflow-signatory-list-proof/1";
    public const string ReceiptFormat = "workflow-receipt/1";
    private const int ProblemsShown = 8;

    public static VerificationReport Verify(string bundleJson, string publicKeyPem, string? savedHeadJson = null,
        string? receiptJson = null)
    {
        try
        {
            PublicKeys.Load(publicKeyPem).Dispose();
        }
        catch (FormatException e)
        {
            return VerificationReport.Unusable($"The public key cannot be used: {e.Message}.");
        }
        if (Bundle.Read(bundleJson) is not { } bundle)
            return VerificationReport.Unusable(Bundle.Problem(bundleJson));
        TreeHead? savedHead = null;
        if (savedHeadJson is not null)
        {
            try
            {
                savedHead = TreeHead.Parse(savedHeadJson);
            }
            catch (FormatException e)
            {
                return VerificationReport.Unusable($"The saved tree head cannot be read: {e.Message}");
            }
        }
        Receipt? receipt = null;
        if (receiptJson is not null)
        {
            receipt = Receipt.Read(receiptJson, out var why);
            if (receipt is null)
                return VerificationReport.Unusable($"The receipt cannot be read: {why}");
        }

        var leaves = bundle.Entries.Select(MerkleTree.LeafHash).ToArray();
        var fold = SignatoryLog.Fold(bundle.Entries, bundle.Statement);
        return new VerificationReport(
        [
            HeadIsSigned(bundle.Head, publicKeyPem),
            EntriesMakeTheTree(bundle.Head, leaves),
            EntriesAreWellFormed(bundle, fold),
            ListIsTheFold(bundle, fold),
            NothingRewrittenSince(savedHead, bundle, leaves, publicKeyPem),
            ReceiptIsInTheLog(receipt, bundle, leaves, publicKeyPem),
        ], null);
    }

    private static VerificationCheck HeadIsSigned(TreeHead head, string publicKeyPem)
    {
        const string what = "The tree head is signed with the given public key";
        return TreeHeadVerifier.Problem(head, publicKeyPem) is { } problem
            ? new(1, what, CheckOutcome.Fails, $"The bundle's tree head does not verify: {problem}. Nothing in it can be trusted.")
            : new(1, what, CheckOutcome.Holds,
                $"The head of {head.TreeSize} entries, {TreeHead.FormatTime(head.Timestamp)}, carries a valid signature by key " +
                $"{head.KeyId}.");
    }

    private static VerificationCheck EntriesMakeTheTree(TreeHead head, byte[][] leaves)
    {
        const string what = "The entries are exactly the tree the head signs";
        if (head.TreeSize != leaves.Length)
            return new(2, what, CheckOutcome.Fails,
                $"The head signs a tree of {head.TreeSize} entries, but the bundle holds {leaves.Length}: entries were added or removed.");
        var root = Hex.Of(MerkleTree.Root(leaves));
        return Hex.TryParseHash(head.RootHash) is { } signed && Hex.Of(signed) == root
            ? new(2, what, CheckOutcome.Holds, $"The {leaves.Length} entries hash to the root {root} that the head signs.")
            : new(2, what, CheckOutcome.Fails,
                $"The {leaves.Length} entries hash to {root}, but the head signs {head.RootHash}: at least one entry differs from what " +
                "was signed.");
    }

    private static VerificationCheck EntriesAreWellFormed(Bundle bundle, FoldResult fold)
    {
        const string what = "Every entry is well formed and the log's rules hold";
        var problems = new List<string>();
        if (bundle.Head.Statement != bundle.Statement)
            problems.Add($"the bundle is for statement {bundle.Statement}, but its tree head is for {bundle.Head.Statement}");
        problems.AddRange(fold.Problems);
        return problems.Count == 0
            ? new(3, what, CheckOutcome.Holds,
                $"All {bundle.Entries.Count} entries parse, stand at their own index and belong to statement {bundle.Statement}; every " +
                "signature keeps its number and no two share one.")
            : new(3, what, CheckOutcome.Fails, Sentence(problems));
    }

    private static VerificationCheck ListIsTheFold(Bundle bundle, FoldResult fold)
    {
        const string what = "The published list is exactly what the entries imply";
        var problems = new List<string>();
        if (bundle.TextHash != fold.TextHash)
            problems.Add($"the list says it is for the text {SignatoryLog.Show(bundle.TextHash)}, but the entries last opened the text " +
                $"{SignatoryLog.Show(fold.TextHash)}");
        var rowProblems = new List<string>();
        var listed = bundle.List.Select((row, i) => row.ValueKind == JsonValueKind.Object
                ? SignatoryLog.ReadRow(new Fields(row, $"row {i + 1} of the list", rowProblems))
                : Fail<ListedSignature>(rowProblems, $"row {i + 1} of the list is not an object"))
            .ToList();
        problems.AddRange(rowProblems);
        var rows = listed.OfType<ListedSignature>().ToList();
        foreach (var missing in fold.List.Where(f => rows.All(r => r.Number != f.Number)))
            problems.Add($"the entries list no. {missing.Number} ({missing.Name}), but the list leaves it out");
        foreach (var extra in rows.Where(r => fold.List.All(f => f.Number != r.Number)))
            problems.Add($"the list shows no. {extra.Number} ({extra.Name}), but the entries do not list it");
        foreach (var row in rows)
            if (fold.List.FirstOrDefault(f => f.Number == row.Number) is { } expected)
                problems.AddRange(Differences(row, expected).Select(d => $"no. {row.Number}: {d}"));
        if (problems.Count == 0 && !rows.Select(r => r.Number).SequenceEqual(fold.List.Select(f => f.Number)))
            problems.Add($"the list's order ({string.Join(", ", rows.Select(r => r.Number))}) is not the order of numbers " +
                $"({string.Join(", ", fold.List.Select(f => f.Number))})");
        return problems.Count == 0
            ? new(4, what, CheckOutcome.Holds,
                $"The list's {rows.Count} signatures equal, field by field and in order, those the entries list for the text " +
                $"{SignatoryLog.Show(fold.TextHash)}.")
            : new(4, what, CheckOutcome.Fails, Sentence(problems));
    }

    private static VerificationCheck NothingRewrittenSince(TreeHead? saved, Bundle bundle, byte[][] leaves, string publicKeyPem)
    {
        const string what = "Nothing was rewritten since the saved tree head";
        if (saved is null)
            return new(5, what, CheckOutcome.NotChecked,
                "No saved tree head was given. Keep this bundle's tree head and check later lists against it: that proves nothing was " +
                "rewritten in between.");
        var problems = new List<string>();
        if (TreeHeadVerifier.Problem(saved, publicKeyPem) is { } problem)
            problems.Add($"the saved head does not verify: {problem}");
        if (saved.Statement != bundle.Statement)
            problems.Add($"the saved head is for statement {saved.Statement}, not for {bundle.Statement}");
        if (saved.TreeSize > leaves.Length)
            problems.Add($"the saved head covers {saved.TreeSize} entries, but the log now has only {leaves.Length}: entries were removed");
        else
        {
            var root = Hex.Of(MerkleTree.Root(leaves, (int)saved.TreeSize));
            if (Hex.TryParseHash(saved.RootHash) is not { } savedRoot || Hex.Of(savedRoot) != root)
                problems.Add($"the first {saved.TreeSize} entries now hash to {root}, but the saved head signed {saved.RootHash}: the " +
                    "log was rewritten since");
        }
        return problems.Count == 0
            ? new(5, what, CheckOutcome.Holds,
                $"The saved head of {saved.TreeSize} entries, {TreeHead.FormatTime(saved.Timestamp)}, is signed by the key, and the " +
                $"first {saved.TreeSize} entries here still hash to its root: the log only grew since ({leaves.Length - saved.TreeSize} " +
                "entries added).")
            : new(5, what, CheckOutcome.Fails, Sentence(problems));
    }

    private static VerificationCheck ReceiptIsInTheLog(Receipt? receipt, Bundle bundle, byte[][] leaves, string publicKeyPem)
    {
        const string what = "The receipt's entry is in the log, unchanged";
        if (receipt is null)
            return new(6, what, CheckOutcome.NotChecked, "No receipt was given.");
        var head = receipt.Head;
        var problems = new List<string>();
        if (TreeHeadVerifier.Problem(head, publicKeyPem) is { } problem)
            problems.Add($"the receipt's tree head does not verify: {problem}");
        if (head.Statement != bundle.Statement)
            problems.Add($"the receipt is for statement {head.Statement}, not for {bundle.Statement}");
        var proof = receipt.InclusionProof.Select(Hex.TryParseHash).ToList();
        if (receipt.Index >= head.TreeSize || head.TreeSize > int.MaxValue || proof.Any(p => p is null)
            || Hex.TryParseHash(head.RootHash) is not { } root
            || !MerkleTree.VerifyInclusion(MerkleTree.LeafHash(receipt.Entry), receipt.Index, (int)head.TreeSize, proof!, root))
            problems.Add($"the receipt's inclusion proof does not show its entry at index {receipt.Index} of its head's " +
                $"{head.TreeSize} entries");
        if (receipt.Index >= leaves.Length)
            problems.Add($"the bundle has only {leaves.Length} entries, so it does not hold the receipt's entry {receipt.Index}");
        else if (!string.Equals(bundle.Entries[receipt.Index], receipt.Entry, StringComparison.Ordinal))
            problems.Add($"entry {receipt.Index} in the bundle is not the receipt's entry: it was rewritten after the receipt was issued");
        if (head.TreeSize <= leaves.Length && Hex.TryParseHash(head.RootHash) is { } receiptRoot
            && !receiptRoot.AsSpan().SequenceEqual(MerkleTree.Root(leaves, (int)head.TreeSize)))
            problems.Add($"the first {head.TreeSize} entries of the bundle do not hash to the root of the receipt's head: the log was " +
                "rewritten since the receipt");
        return problems.Count == 0
            ? new(6, what, CheckOutcome.Holds,
                $"The receipt's entry is included at index {receipt.Index} in its signed head of {head.TreeSize} entries and is, " +
                $"unchanged, entry {receipt.Index} of this bundle.")
            : new(6, what, CheckOutcome.Fails, Sentence(problems));
    }

    private static IEnumerable<string> Differences(ListedSignature listed, ListedSignature expected)
    {
        string? Field(string name, object? shown, object? implied) =>
            Equals(shown, implied) ? null : $"the list shows {name} {Quote(shown)}, the entries {Quote(implied)}";
        return new[]
        {
            Field("name", listed.Name, expected.Name),
            Field("English name", listed.NameEnglish, expected.NameEnglish),
            Field("acronym", listed.Acronym, expected.Acronym),
            Field("country", listed.Country, expected.Country),
            Field("signer", listed.Signer, expected.Signer),
            Field("signer's role", listed.SignerRole, expected.SignerRole),
            Field("phase", listed.Phase, expected.Phase),
            SameTime(listed.SignedAt, expected.SignedAt) ? null : Field("signing time", listed.SignedAt, expected.SignedAt),
            Field("signed version", listed.SignedVersion, expected.SignedVersion),
            Field("provenance", listed.Provenance, expected.Provenance),
        }.OfType<string>();
    }

    // The same instant written with another offset or precision is the same time.
    private static bool SameTime(string? a, string? b) =>
        a == b || (a is not null && b is not null
                   && DateTimeOffset.TryParse(a, System.Globalization.CultureInfo.InvariantCulture,
                       System.Globalization.DateTimeStyles.AssumeUniversal, out var x)
                   && DateTimeOffset.TryParse(b, System.Globalization.CultureInfo.InvariantCulture,
                       System.Globalization.DateTimeStyles.AssumeUniversal, out var y)
                   && x == y);

    private static string Quote(object? value) => value switch
    {
        null => "none",
        string s => $"\"{s}\"",
        Provenance p => $"({p.Kind}, {SignatoryLog.Show(p.EmailDomain)}, {SignatoryLog.Show(p.RecordedBy)}, {SignatoryLog.Show(p.Note)}, " +
            $"{SignatoryLog.Show(p.Source)})",
        _ => SignatoryLog.Show(value),
    };

    private static T? Fail<T>(List<string> problems, string problem) where T : class
    {
        problems.Add(problem);
        return null;
    }

    private static string Sentence(List<string> problems)
    {
        var shown = string.Join("; ", problems.Take(ProblemsShown));
        var more = problems.Count > ProblemsShown ? $"; and {problems.Count - ProblemsShown} more" : "";
        return char.ToUpperInvariant(shown[0]) + shown[1..] + more + ".";
    }

    private sealed record Bundle(Guid Statement, IReadOnlyList<JsonElement> List, string? TextHash, IReadOnlyList<string> Entries,
        TreeHead Head)
    {
        public static Bundle? Read(string json) => TryRead(json, out _);

        public static string Problem(string json)
        {
            TryRead(json, out var why);
            return $"The list export cannot be read: {why}";
        }

        private static Bundle? TryRead(string json, out string why)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                        || format.GetString() != BundleFormat)
                {
                    why = $"it is not a \"{BundleFormat}\" document.";
                    return null;
                }
                if (!root.TryGetProperty("statement", out var statement) || statement.ValueKind != JsonValueKind.Object
                    || !statement.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                        || !Guid.TryParse(id.GetString(), out var statementId))
                {
                    why = "it names no statement id.";
                    return null;
                }
                if (!root.TryGetProperty("list", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    why = "it has no \"list\" array.";
                    return null;
                }
                if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array
                    || entries.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    why = "its \"entries\" are not an array of strings.";
                    return null;
                }
                string? textHash = null;
                if (root.TryGetProperty("textHash", out var hash) && hash.ValueKind != JsonValueKind.Null)
                {
                    if (hash.ValueKind != JsonValueKind.String)
                    {
                        why = "its \"textHash\" is not text.";
                        return null;
                    }
                    textHash = hash.GetString();
                }
                if (!root.TryGetProperty("treeHead", out var head))
                {
                    why = "it has no \"treeHead\".";
                    return null;
                }
                why = "";
                return new Bundle(statementId,
                    list.EnumerateArray().Select(r => r.Clone()).ToList(),
                    textHash,
                    entries.EnumerateArray().Select(e => e.GetString()!).ToList(),
                    TreeHead.FromJson(head));
            }
            // ArgumentException: text that is not valid UTF-16 (a lone surrogate) cannot be JSON.
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                why = $"it is not JSON ({e.Message}).";
                return null;
            }
            catch (FormatException e)
            {
                why = e.Message;
                return null;
            }
        }
    }

    private sealed record Receipt(string Entry, int Index, IReadOnlyList<string> InclusionProof, TreeHead Head)
    {
        public static Receipt? Read(string json, out string why)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                        || format.GetString() != ReceiptFormat)
                {
                    why = $"it is not a \"{ReceiptFormat}\" document.";
                    return null;
                }
                if (!root.TryGetProperty("entry", out var entry) || entry.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("index", out var index) || !index.TryGetInt32(out var i) || i < 0
                    || !root.TryGetProperty("inclusionProof", out var proof) || proof.ValueKind != JsonValueKind.Array
                    || proof.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String)
                    || !root.TryGetProperty("treeHead", out var head))
                {
                    why = "it lacks its \"entry\", \"index\", \"inclusionProof\" or \"treeHead\".";
                    return null;
                }
                why = "";
                return new Receipt(entry.GetString()!, i, proof.EnumerateArray().Select(p => p.GetString()!).ToList(),
                    TreeHead.FromJson(head));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
            {
                why = e.Message;
                return null;
            }
        }
    }
}
