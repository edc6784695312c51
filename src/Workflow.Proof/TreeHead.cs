using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Proof;

/// <summary>
/// A signed statement by the log: "the log of this statement had these <see cref="TreeSize"/> entries, whose Merkle
/// root is <see cref="RootHash"/>, at <see cref="Timestamp"/>". Serialises to
/// <c>{"statement","treeSize","rootHash","timestamp","keyId","signature"}</c> with System.Text.Json as is.
/// </summary>
public sealed record TreeHead(
    [property: JsonPropertyName("statement")] Guid Statement,
    [property: JsonPropertyName("treeSize")] long TreeSize,
    [property: JsonPropertyName("rootHash")] string RootHash,
    [property: JsonPropertyName("timestamp"), JsonConverter(typeof(TreeHeadTimestampConverter))] DateTimeOffset Timestamp,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("signature")] string Signature)
{
    public const string SigningPrefix = "workflow-tree-head/1";

    /// <summary>Exactly as signed: a head whose time is written otherwise is refused rather than re-written.</summary>
    internal const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Times in heads and entries: UTC to the millisecond, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static byte[] SigningBytes(Guid statement, long treeSize, string rootHash, DateTimeOffset timestamp) =>
        Encoding.UTF8.GetBytes(
            $"{SigningPrefix}\n{statement:D}\n{treeSize.ToString(CultureInfo.InvariantCulture)}\n{rootHash}\n{FormatTime(timestamp)}\n");

    public byte[] SigningBytes() => SigningBytes(Statement, TreeSize, RootHash, Timestamp);

    // Base64 keeps its '+' and '/' as they are: the head is data for files and scripts, not for HTML.
    private static readonly JsonSerializerOptions JsonOptions =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="FormatException">The text is not a tree head.</exception>
    public static TreeHead Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"Not JSON: {e.Message}", e);
        }
    }

    /// <exception cref="FormatException">The element is not a tree head.</exception>
    public static TreeHead FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new FormatException("A tree head is a JSON object.");
        string Text(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new FormatException($"The tree head has no text field \"{name}\".");
        if (!Guid.TryParseExact(Text("statement"), "D", out var statement))
            throw new FormatException("The tree head's \"statement\" is not a GUID.");
        if (!element.TryGetProperty("treeSize", out var size) || size.ValueKind != JsonValueKind.Number
            || !size.TryGetInt64(out var treeSize) || treeSize < 0)
            throw new FormatException("The tree head's \"treeSize\" is not a whole number.");
        if (!DateTimeOffset.TryParseExact(Text("timestamp"), TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            throw new FormatException("The tree head's \"timestamp\" is not a UTC time yyyy-MM-ddTHH:mm:ss.fffZ.");
        return new TreeHead(statement, treeSize, Text("rootHash"), timestamp, Text("keyId"), Text("signature"));
    }
}

internal sealed class TreeHeadTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.TryParseExact(reader.GetString(), TreeHead.TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new JsonException("A timestamp is a UTC time yyyy-MM-ddTHH:mm:ss.fffZ.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TreeHead.FormatTime(value));
}
