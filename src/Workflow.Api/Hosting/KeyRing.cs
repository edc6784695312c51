using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Api.Hosting;

/// <summary>
/// The data-protection key ring: the keys that sign the sign-in cookies and bearer tokens, antiforgery tokens, and
/// encrypt a link's token on its way to the e-mail. It lives in <c>&lt;DataDirectory&gt;/keys</c>; with
/// <c>DataProtection:CertificatePath</c> each key is encrypted there with that certificate, so a copy of the directory
/// without the certificate opens nothing.
/// </summary>
public static class KeyRing
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddWorkflowDataProtection(this IServiceCollection services, IConfiguration configuration,
        string dataDirectory)
    {
        var keyRing = services.AddDataProtection()
            .SetApplicationName("Workflow")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
            keyRing.ProtectKeysWithCertificate(LoadCertificate(path, configuration[CertificatePasswordKey]));
        services.AddHostedService<UnprotectedKeyRingWarning>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{CertificatePathKey} '{path}' could not be read as a PKCS#12 (.pfx) certificate with {CertificatePasswordKey}: " +
                $"{e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{CertificatePathKey} '{path}' holds no private key: the key ring could be written but " +
                $"never read back.");
        return certificate;
    }

    /// <summary>In production, unencrypted keys beside the database are worth a word in the log at every start.</summary>
    private sealed class UnprotectedKeyRingWarning(IConfiguration configuration, IHostEnvironment environment,
        ILogger<UnprotectedKeyRingWarning> log)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction() && string.IsNullOrEmpty(configuration[CertificatePathKey]))
                log.LogWarning("The data-protection keys are stored unencrypted in the data directory: whoever copies it can forge " +
                    "sign-ins. "
                    + "Set {CertificatePathKey} (and {CertificatePasswordKey}) to encrypt them with a certificate.", CertificatePathKey,
                    CertificatePasswordKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
