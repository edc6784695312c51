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
        var signature = key.SignData(TreeHead.SigningBytes(statement, treeSize, rootHash, at), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new TreeHead(statement, treeSize, rootHash, at, KeyId, Convert.ToBase64String(signature));
    }

    /// <summary>Loads the PKCS#8 PEM private key at the path, or creates one there (readable by the owner only).</summary>
    /// <remarks>
    /// Processes starting at once must all end up with the one key: the file is created exclusively (O_EXCL), so exactly
    /// one process writes it, and the others wait until it holds a whole key. A rename into place cannot promise that:
    /// where the file system cannot hard-link, "move unless it exists" is a check followed by a rename, and two racing
    /// processes both win.
    /// </remarks>
    public static TreeHeadSigner LoadOrCreate(string pemPath)
    {
        if (!File.Exists(pemPath))
            TryCreate(pemPath);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                var key = ECDsa.Create();
                key.ImportFromPem(File.ReadAllText(pemPath));
                return new TreeHeadSigner(key);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException or IOException && DateTime.UtcNow < deadline)
            {
                // Another process created the file and is still writing it.
                Thread.Sleep(20);
            }
        }
    }

    private static void TryCreate(string pemPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(pemPath));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new FileStream(pemPath, options);
            using var writer = new StreamWriter(file, System.Text.Encoding.ASCII);
            writer.Write(created.ExportPkcs8PrivateKeyPem());
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(pemPath))
        {
            // Another process created it first: that one is the key.
        }
    }
}
