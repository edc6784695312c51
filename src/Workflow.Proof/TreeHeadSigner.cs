using System.Security.Cryptography;

namespace Workflow.Proof;

/// <summary>Signs tree heads with the log's ECDSA P-256 key (IEEE P1363 signatures, r||s).</summary>
public sealed class TreeHeadSigner
{
    private readonly ECDsa key;

    public TreeHeadSigner(ECDsa key)
    {
        if (!PublicKeys.IsP256(key))
            throw new ArgumentException("The log signs with an ECDSA key on the P-256 curve.", nameof(key));
        this.key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        KeyId = PublicKeys.KeyIdOf(key);
    }

    /// <summary>Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo (DER).</summary>
    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>Signs the head; the timestamp is kept to the millisecond, as it is written.</summary>
    public TreeHead Sign(Guid statement, long treeSize, byte[] root, DateTimeOffset timestamp)
    {
        var at = new DateTimeOffset(timestamp.UtcTicks - timestamp.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var rootHash = Hex.Of(root);
        var signature = key.SignData(TreeHead.SigningBytes(statement, treeSize, rootHash, at), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new TreeHead(statement, treeSize, rootHash, at, KeyId, Convert.ToBase64String(signature));
    }

    /// <summary>Loads the PKCS#8 PEM private key at the path, or creates one there (readable by the owner only).</summary>
    public static TreeHeadSigner LoadOrCreate(string pemPath)
    {
        if (!File.Exists(pemPath))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(pemPath));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            // Written aside and renamed into place, so that no process ever reads half a key.
            var temporary = $"{pemPath}.{Guid.NewGuid():N}.tmp";
            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
                writer.Write(created.ExportPkcs8PrivateKeyPem());
            try
            {
                File.Move(temporary, pemPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(pemPath))
            {
                // Another process created it first: use that one.
                File.Delete(temporary);
            }
        }
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(pemPath));
        return new TreeHeadSigner(key);
    }
}
