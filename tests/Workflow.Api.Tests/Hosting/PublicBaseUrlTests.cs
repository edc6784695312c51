using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Hosting;

/// <summary>PublicBaseUrl starts every link the service hands out (e-mails, API answers, feeds, the widget's snippet pasted into other
/// sites).</summary>
public sealed class PublicBaseUrlTests
{
    [Theory]
    [InlineData("statements.example.org")]
    [InlineData("/statements")]
    [InlineData("ftp://statements.example.org")]
    [InlineData("")]
    public void An_address_that_is_not_an_absolute_http_url_stops_the_start_and_names_the_setting(string publicBaseUrl)
    {
        using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["PublicBaseUrl"] = publicBaseUrl });
        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("PublicBaseUrl", refused.GetBaseException().Message + refused.Message);
    }
}
