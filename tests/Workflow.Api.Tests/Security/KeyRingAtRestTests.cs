using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>With DataProtection:CertificatePath, the keys in the data directory are encrypted: a copy of them alone opens
/// nothing.</summary>
public sealed class KeyRingAtRestTests
{
    [Fact]
    public async Task With_a_certificate_configured_the_keys_are_stored_encrypted_and_a_copy_without_it_unprotects_nothing()
    {
        var certificatePath = Path.Combine(Path.GetTempPath(), "workflow-tests", $"key-ring-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Workflow key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "key-ring-password"));
        }
        try
        {
            await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = certificatePath,
                ["DataProtection:CertificatePassword"] = "key-ring-password",
            });
            var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            var protectedText = protector.Protect("a secret");
            Assert.Equal("a secret", protector.Unprotect(protectedText));
            // The service signs people in with the same keys.
            await factory.SignedInClientAsync();

            var keyFiles = Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "*.xml");
            Assert.NotEmpty(keyFiles);
            foreach (var file in keyFiles)
            {
                var xml = await File.ReadAllTextAsync(file);
                Assert.Contains("<encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            }

            var copy = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(factory.DataDirectory, "keys")),
                b => b.SetApplicationName("Workflow"));
            Assert.ThrowsAny<CryptographicException>(() => copy.CreateProtector("test").Unprotect(protectedText));
        }
        finally
        {
            File.Delete(certificatePath);
        }
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_and_names_the_setting()
    {
        using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = Path.Combine(Path.GetTempPath(), "workflow-tests", "no-such-certificate.pfx"),
        });
        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("DataProtection:CertificatePath", refused.GetBaseException().Message + refused.Message);
    }
}
