using MassTransit;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.Core.Data;

namespace Workflow.Api.Publishing;

/// <summary>
/// Public pages and lists are cached in memory, each tagged with its statement's slug, and evicted when any event
/// that changes what they show arrives (a signature, a withdrawal, a publication, a correction): readers see a change as
/// soon as the bus delivers it, and repeated reads of a popular list cost nothing in between.
/// </summary>
public static class PublicCache
{
    public const string Policy = "public-statement";

    /// <summary>
    /// What the cache may hold in all. A 10,000-signatory list's page, JSON and files come to about 5 MB a language and order;
    /// past the limit the least used answers go and are made again when asked for (the default, 100 MB, is half the
    /// memory the whole service is meant to need).
    /// </summary>
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    public static IServiceCollection AddPublicCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimitBytes;
            options.AddPolicy(Policy, new TaggedBySlug());
        });

    public static string TagOf(string slug) => $"statement:{slug}";

    private sealed class TaggedBySlug : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            var request = context.HttpContext.Request;
            context.EnableOutputCaching = true;
            // Only what everybody sees alike is shared: a signed-in person's pages carry their name and forms.
            context.AllowCacheLookup = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && context.HttpContext.User.Identity?.IsAuthenticated != true;
            context.AllowCacheStorage = context.AllowCacheLookup;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["ui-culture"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
            if (request.RouteValues["slug"] is string slug) context.Tags.Add(TagOf(slug));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        // Only successful answers are kept: a 404 for a statement not yet published must not outlive its publication.
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
        {
            // Nor an answer that sets a cookie: it belongs to one browser.
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Evicts a statement's cached public answers when something they show changes.</summary>
public sealed class PublicCacheConsumer(WorkflowDb db, IOutputCacheStore cache) :
    IConsumer<StatementPublished>, IConsumer<StatementClosed>, IConsumer<StatementWithdrawn>, IConsumer<SignableTextChanged>,
    IConsumer<SignatureRecorded>, IConsumer<SignatureWithdrawn>, IConsumer<SignatureInvalidated>, IConsumer<SignatureReconfirmed>,
    IConsumer<SignatoryNameCorrected>, IConsumer<InitiatorsSet>, IConsumer<OrganisationsMerged>, IConsumer<OpenSignOnChanged>,
    IConsumer<PublicationDetailsSet>
{
    public const string Name = "public-cache";

    public Task Consume(ConsumeContext<StatementPublished> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<PublicationDetailsSet> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<StatementClosed> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<StatementWithdrawn> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignableTextChanged> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignatureRecorded> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignatureWithdrawn> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignatureInvalidated> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignatureReconfirmed> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<SignatoryNameCorrected> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<InitiatorsSet> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);
    public Task Consume(ConsumeContext<OpenSignOnChanged> context) => EvictAsync(context.Message.StatementId, context.CancellationToken);

    public async Task Consume(ConsumeContext<OrganisationsMerged> context)
    {
        foreach (var statementId in context.Message.StatementIds) await EvictAsync(statementId, context.CancellationToken);
    }

    private async Task EvictAsync(Guid statementId, CancellationToken ct)
    {
        var slug = await db.Statements.AsNoTracking().Where(s => s.Id == statementId).Select(s => s.Slug).SingleOrDefaultAsync(ct);
        if (slug is not null) await cache.EvictByTagAsync(PublicCache.TagOf(slug), ct);
    }
}
