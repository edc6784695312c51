using System.Security.Cryptography;

namespace Workflow.Proof;

public static class TreeHeadVerifier
{
    /// <summary>True when the head's keyId is the key's and its signature verifies with it.</summary>
    public static bool Verify(TreeHead head, string publicKeyPem) => Problem(head, publicKeyPem) is null;

    /// <exception cref="FormatException">The text is not a PEM public key on the P-256 curve.</exception>
    public static string KeyIdOf(string publicKeyPem)
    {
        using var key = PublicKeys.Load(publicKeyPem);
        return PublicKeys.KeyIdOf(key);
    }

    /// <summary>Why the head does not verify with the key, in plain words; null when it does.</summary>
    internal static string? Problem(TreeHead head, string publicKeyPem)
    {
        ECDsa key;
        try
        {
            key = PublicKeys.Load(publicKeyPem);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        using (key)
        {
            var keyId = PublicKeys.KeyIdOf(key);
            if (!string.Equals(head.KeyId, keyId, StringComparison.Ordinal))
                return $"it names the key {head.KeyId}, but the key given is {keyId}";
            var signature = new byte[64];
            if (!Convert.TryFromBase64String(head.Signature, signature, out var written) || written != 64)
                return "its signature is not 64 bytes of base64 (ECDSA P-256, r||s)";
            return key.VerifyData(head.SigningBytes(), signature, HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? null
                : "its signature does not match its contents with this key";
        }
    }
}

internal static class PublicKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve;
        return curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256");
    }

    public static string KeyIdOf(ECDsa key) => Hex.Of(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <exception cref="FormatException">The text is not a PEM public key on the P-256 curve.</exception>
    public static ECDsa Load(string publicKeyPem)
    {
        var key = ECDsa.Create();
        try
        {
            if (!publicKeyPem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
                throw new FormatException("the key is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
            key.ImportFromPem(publicKeyPem);
            if (!IsP256(key))
                throw new FormatException("the key is not an ECDSA key on the P-256 curve");
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or PlatformNotSupportedException)
        {
            key.Dispose();
            throw new FormatException($"the key cannot be read as a PEM public key: {e.Message}", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
