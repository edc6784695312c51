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
        }).AddSingleton<PublicCacheEvictions>();

    public static string TagOf(string slug) => $"statement:{slug}";

    private sealed class TaggedBySlug : IOutputCachePolicy
    {
        /// <summary>
        /// The query values the cached pages and lists read. An answer asked for with any other (<c>?fresh=…</c>, a campaign's
        /// tag) is made afresh and not kept: each such variant would otherwise take its place in the cache, and once the
        /// cache is nearly full the store admits no answer larger than a twentieth of it (1.6 MB) until entries expire, so
        /// a few such requests kept the 2.5 MB page and the 3.2 MB list out of it for ten minutes, each read made again.
        /// </summary>
        private static readonly HashSet<string> ReadQueryKeys = new(["order", "lang"], StringComparer.OrdinalIgnoreCase);

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            var request = context.HttpContext.Request;
            context.EnableOutputCaching = true;
            // Only what everybody sees alike is shared: a signed-in person's pages carry their name and forms.
            context.AllowCacheLookup = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && context.HttpContext.User.Identity?.IsAuthenticated != true
                && request.Query.Keys.All(ReadQueryKeys.Contains);
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

/// <summary>
/// When each statement's cached answers were last evicted, so that an event which happened long before that eviction is not
/// answered with another: whatever it changed was already in the database when every answer cached since was made. After a
/// burst of signatures the outbox may deliver thousands of such events minutes late (or on restart), and evicting for each
/// would have every reader of a popular list wait for it to be made again, thousands of times, while it cannot have changed.
/// </summary>
public sealed class PublicCacheEvictions
{
    /// <summary>
    /// How much older than the last eviction an event must be to be let pass: far longer than a request takes to make an
    /// answer and store it, or a transaction to commit its change after stamping its event (and than clocks of two
    /// instances can differ), so that no answer stored since can have been made before that change was committed.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> _lastEvicted = new();

    /// <summary>Whether an event that occurred at <paramref name="occurredAt"/> came too long before the last eviction to need
    /// another.</summary>
    public bool AlreadyEvicted(Guid statementId, DateTimeOffset occurredAt) =>
        _lastEvicted.TryGetValue(statementId, out var last) && occurredAt < last - StaleAfter;

    /// <summary>Notes an eviction that began at <paramref name="startedAt"/> and is done.</summary>
    public void Evicted(Guid statementId, DateTimeOffset startedAt) =>
        _lastEvicted.AddOrUpdate(statementId, startedAt, (_, earlier) => earlier > startedAt ? earlier : startedAt);
}

/// <summary>Evicts a statement's cached public answers when something they show changes.</summary>
public sealed class PublicCacheConsumer(WorkflowDb db, IOutputCacheStore cache, PublicCacheEvictions evictions, TimeProvider clock) :
    IConsumer<StatementPublished>, IConsumer<StatementClosed>, IConsumer<StatementWithdrawn>, IConsumer<SignableTextChanged>,
    IConsumer<SignatureRecorded>, IConsumer<SignatureWithdrawn>, IConsumer<SignatureInvalidated>, IConsumer<SignatureReconfirmed>,
    IConsumer<SignatoryNameCorrected>, IConsumer<InitiatorsSet>, IConsumer<OrganisationsMerged>, IConsumer<OpenSignOnChanged>,
    IConsumer<PublicationDetailsSet>
{
    public const string Name = "public-cache";

    public Task Consume(ConsumeContext<StatementPublished> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<PublicationDetailsSet> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<StatementClosed> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<StatementWithdrawn> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignableTextChanged> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignatureRecorded> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignatureWithdrawn> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignatureInvalidated> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignatureReconfirmed> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<SignatoryNameCorrected> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<InitiatorsSet> context) => EvictAsync(context);
    public Task Consume(ConsumeContext<OpenSignOnChanged> context) => EvictAsync(context);

    public async Task Consume(ConsumeContext<OrganisationsMerged> context)
    {
        foreach (var statementId in context.Message.StatementIds)
            await EvictAsync(statementId, context.Message.OccurredAt, context.CancellationToken);
    }

    /// <summary>Evicts the answers about the statement an event is about.</summary>
    private Task EvictAsync<T>(ConsumeContext<T> context) where T : class, IStatementEvent =>
        EvictAsync(context.Message.StatementId, context.Message.OccurredAt, context.CancellationToken);

    private async Task EvictAsync(Guid statementId, DateTimeOffset occurredAt, CancellationToken ct)
    {
        if (evictions.AlreadyEvicted(statementId, occurredAt)) return;
        var startedAt = clock.GetUtcNow();
        var slug = await db.Statements.AsNoTracking().Where(s => s.Id == statementId).Select(s => s.Slug).SingleOrDefaultAsync(ct);
        if (slug is null) return;
        await cache.EvictByTagAsync(PublicCache.TagOf(slug), ct);
        evictions.Evicted(statementId, startedAt);
    }
}
