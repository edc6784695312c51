using Workflow.Api.Accounts;
using Workflow.Api.Drafting;
using Workflow.Api.Endorsements;
using Workflow.Api.Health;
using Workflow.Infrastructure.Messaging;
using Workflow.Api.Organisations;
using Workflow.Api.Publishing;
using Workflow.Api.Security;
using Workflow.Api.Statements;

namespace Workflow.Api.Hosting;

public static class Pipeline
{
    public static WebApplication UseWorkflowPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // HTTPS only, once a browser has seen the service over HTTPS (sent on HTTPS responses only; not while developing).
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseRequestSizeLimit(ServiceRegistration.MaxRequestBodyBytes);
        app.UseStatusCodePages();
        // Inside the API's status code pages, so that a page's error status is answered with a page first.
        app.UseWorkflowPages();
        // After the status code pages, so that a page re-executed for an error status is routed afresh.
        app.UseRouting();
        // First after routing: a request refused for overload costs nothing else.
        app.UseRateLimiter();
        app.UseTokenGuessingLimit();
        app.UseNulCharacterRefusal();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSignOnAddressLimit();
        app.UseOutputCache();
        return app;
    }

    /// <summary>The table of contents of the HTTP interface: one line per feature.</summary>
    public static WebApplication MapWorkflowEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        // A worker process answers its health checks and nothing else.
        if (!app.Services.GetRequiredService<ProcessRole>().ServesWeb) return app;
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapNotificationEndpoints();
        app.MapStatementEndpoints();
        app.MapInvitationEndpoints();
        app.MapSignatureEndpoints();
        app.MapOrganisationEndpoints();
        app.MapPublicEndpoints();
        app.MapSignOnEndpoints();
        app.MapMemberEndpoints();
        app.MapReviewEndpoints();
        app.MapTranslationEndpoints();
        app.MapRazorPages();
        return app;
    }
}
