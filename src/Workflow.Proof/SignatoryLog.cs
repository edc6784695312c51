using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Proof;

/// <summary>Who published the signature and how (the same object in the entries and in the list).</summary>
public sealed record Provenance(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("emailDomain")] string? EmailDomain,
    [property: JsonPropertyName("recordedBy")] string? RecordedBy,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("source")] string? Source);

/// <summary>One row of the published list, as the list export carries it and as the fold of the entries implies it.</summary>
public sealed record ListedSignature(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("nameEnglish")] string? NameEnglish,
    [property: JsonPropertyName("acronym")] string? Acronym,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("signer")] string? Signer,
    [property: JsonPropertyName("signerRole")] string? SignerRole,
    [property: JsonPropertyName("phase")] string? Phase,
    [property: JsonPropertyName("signedAt")] string? SignedAt,
    [property: JsonPropertyName("signedVersion")] int? SignedVersion,
    [property: JsonPropertyName("provenance")] Provenance? Provenance);

/// <summary>
/// What the entries imply: the listed signatures in order of number, the text hash T they are listed for (null when
/// no text was ever opened for signature), the statement of the log, and every broken invariant in plain words.
/// </summary>
public sealed record FoldResult(IReadOnlyList<ListedSignature> List, string? TextHash, Guid? Statement, IReadOnlyList<string> Problems);

/// <summary>The fold of a statement's log: which signatures its entries list (see the log's specification).</summary>
public static class SignatoryLog
{
    public static readonly string[] EntryTypes = ["text", "publication", "signature"];
    public static readonly string[] Changes = ["signed", "reconfirmed", "withdrawn", "invalidated", "corrected", "moved", "imported",
        "changed", "before-log"];
    public static readonly string[] Statuses = ["Active", "Withdrawn", "Invalidated"];

    /// <summary>Folds the entries of one statement's log; the statement is the first entry's.</summary>
    public static FoldResult Fold(IReadOnlyList<string> entries) => Fold(entries, null);

    /// <summary>Folds the entries of the given statement's log (null: the first entry's).</summary>
    public static FoldResult Fold(IReadOnlyList<string> entries, Guid? statement)
    {
        var problems = new List<string>();
        string? textHash = null;
        var current = new Dictionary<Guid, (string Status, string? ConfirmedTextHash, ListedSignature Row)>();
        var numbers = new Dictionary<Guid, int>();
        var holders = new Dictionary<int, Guid>();

        for (var position = 0; position < entries.Count; position++)
        {
            var where = $"entry {position}";
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(entries[position]);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                problems.Add($"{where} is not JSON");
                continue;
            }
            using (document)
            {
                var entry = document.RootElement;
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where} is not a JSON object");
                    continue;
                }
                var fields = new Fields(entry, where, problems);
                if (fields.Int("v") is not 1)
                    problems.Add($"{where} is not of version 1 (\"v\": 1)");
                var index = fields.Int("index");
                if (index != position)
                    problems.Add($"{where} says it is at index {Show(index)}, but it is at position {position}");
                var statementText = fields.Text("statement");
                if (statementText is null || !Guid.TryParseExact(statementText, "D", out var entryStatement)
                    || statementText != entryStatement.ToString("D"))
                    problems.Add($"{where} has no statement id (a lower-case GUID)");
                else if (statement is null)
                    statement = entryStatement;
                else if (entryStatement != statement)
                    problems.Add($"{where} belongs to statement {entryStatement}, not to {statement}");
                if (!IsTime(fields.Text("at")))
                    problems.Add($"{where} has no time \"at\" (yyyy-MM-ddTHH:mm:ss.fffZ)");

                switch (fields.Text("type"))
                {
                    case "text":
                        var hash = fields.Text("textHash");
                        if (Hex.TryParseHash(hash) is null)
                            problems.Add($"{where} opens a text without a 64-digit \"textHash\"");
                        else
                            textHash = hash;
                        break;
                    case "publication":
                        break;
                    case "signature":
                        FoldSignature(fields, where, current, numbers, holders, problems);
                        break;
                    default:
                        problems.Add($"{where} has an unknown type (one of {string.Join(", ", EntryTypes)})");
                        break;
                }
            }
        }

        var list = textHash is null
            ? []
            : current.Values.Where(s => s.Status == "Active" && s.ConfirmedTextHash == textHash).Select(s => s.Row)
                .OrderBy(r => r.Number).ToList();
        return new FoldResult(list, textHash, statement, problems);
    }

    private static void FoldSignature(
        Fields fields, string where,
        Dictionary<Guid, (string Status, string? ConfirmedTextHash, ListedSignature Row)> current,
        Dictionary<Guid, int> numbers, Dictionary<int, Guid> holders, List<string> problems)
    {
        if (!Guid.TryParse(fields.Text("signature"), out var signature))
        {
            problems.Add($"{where} names no signature (a GUID)");
            return;
        }
        if (!Changes.Contains(fields.Text("change")))
            problems.Add($"{where} has an unknown change (one of {string.Join(", ", Changes)})");
        var row = ReadRow(fields);
        if (row is null)
            return;
        if (numbers.TryGetValue(signature, out var number) && number != row.Number)
            problems.Add($"{where} gives signature {signature} the number {row.Number}, but it had number {number}");
        numbers[signature] = row.Number;
        if (holders.TryGetValue(row.Number, out var holder) && holder != signature)
            problems.Add($"{where} gives number {row.Number} to signature {signature}, but signature {holder} has it");
        holders[row.Number] = signature;
        var status = fields.Text("status");
        if (!Statuses.Contains(status))
        {
            problems.Add($"{where} has an unknown status (one of {string.Join(", ", Statuses)})");
            return;
        }
        current[signature] = (status!, fields.Text("confirmedTextHash"), row);
    }

    /// <summary>Reads the list's fields from an entry or a list row; null (with the problem noted) when it has no number.</summary>
    internal static ListedSignature? ReadRow(Fields fields)
    {
        var number = fields.Int("number");
        if (number is null)
        {
            fields.Problems.Add($"{fields.Where} has no number");
            return null;
        }
        Provenance? provenance = null;
        if (fields.Object("provenance") is { } p)
        {
            var inner = new Fields(p, $"{fields.Where}'s provenance", fields.Problems);
            provenance = new Provenance(inner.Text("kind"), inner.Text("emailDomain"), inner.Text("recordedBy"), inner.Text("note"),
                inner.Text("source"));
        }
        return new ListedSignature(number.Value,
            fields.Text("name"), fields.Text("nameEnglish"), fields.Text("acronym"), fields.Text("country"),
            fields.Text("signer"), fields.Text("signerRole"), fields.Text("phase"), fields.Text("signedAt"),
            fields.Int("signedVersion"), provenance);
    }

    internal static bool IsTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    internal static string Show(object? value) => value is null ? "none" : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}

/// <summary>Reads fields of a JSON object where absent and null mean the same, noting values of the wrong kind.</summary>
internal sealed class Fields(JsonElement element, string where, List<string> problems)
{
    public string Where => where;
    public List<string> Problems => problems;

    public string? Text(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        problems.Add($"{where}: \"{name}\" is not text");
        return null;
    }

    public int? Int(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        problems.Add($"{where}: \"{name}\" is not a whole number");
        return null;
    }

    public JsonElement? Object(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Object)
            return value;
        problems.Add($"{where}: \"{name}\" is not an object");
        return null;
    }
}
