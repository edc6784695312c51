namespace Workflow.Proof;

/// <summary>Hashes travel as lower-case hexadecimal.</summary>
public static class Hex
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <exception cref="FormatException">The text is not an even number of hexadecimal digits.</exception>
    public static byte[] Parse(string text) => Convert.FromHexString(text);

    /// <summary>Parses a 32-byte hash, or returns null when the text is not exactly 64 lower-case hexadecimal digits.</summary>
    public static byte[]? TryParseHash(string? text)
    {
        if (text is null || text.Length != 64 || text.Any(c => c is not (>= '0' and <= '9' or >= 'a' and <= 'f')))
            return null;
        var bytes = new byte[32];
        return Convert.FromHexString(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32
            ? bytes : null;
    }
}
