using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Core.Accounts;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Infrastructure.Seeding;

/// <summary>
/// Imports the statements in seeds/ through the same use cases as everything else, each in one
/// transaction, owned by a seed account that cannot sign in. A statement whose slug exists is skipped,
/// so a second start imports nothing twice and a crash mid-import leaves nothing half-made.
/// </summary>
public sealed class SeedImporter(WorkflowDb db, IMediator mediator, UserManager<WorkflowUser> users, ILogger<SeedImporter> log)
{
    public const string SeedAccountEmail = "seeds@workflow.invalid";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <returns>The slugs imported by this call.</returns>
    public async Task<IReadOnlyList<string>> ImportAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            log.LogWarning("No seed directory at {Directory}; nothing imported", directory);
            return [];
        }
        var imported = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var seed = JsonSerializer.Deserialize<SeedStatement>(await File.ReadAllTextAsync(file, ct), Json)
                ?? throw new InvalidDataException($"{file} is empty.");
            if (await db.Statements.AnyAsync(s => s.Slug == seed.Slug, ct)) continue;
            var body = await File.ReadAllTextAsync(Path.Combine(directory, seed.BodyFile), ct);
            await ImportOneAsync(seed, body, ct);
            imported.Add(seed.Slug);
            log.LogInformation("Imported seed statement {Slug} with {Count} signatories", seed.Slug, seed.Signatories.Count);
        }
        return imported;
    }

    private async Task ImportOneAsync(SeedStatement seed, string body, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var owner = await SeedAccountAsync();
        var statement = await SendAsync(new CreateStatement(owner, seed.Title, body, seed.Language, seed.AllowsFurtherSignatories,
            seed.Slug), ct);
        await SendAsync(new SetPublicationDetails(owner, statement.Id, seed.Kind, seed.IssuedBy, seed.ListIsPartial, seed.ListNote,
            seed.Citation?.ToSource()), ct);
        if (seed.InitiatedBy is not null)
        {
            var initiator = seed.Signatories.Single(s => s.Name == seed.InitiatedBy);
            await SendAsync(new SetInitiators(owner, statement.Id, [Details(initiator)]), ct);
        }
        await SendAsync(new OpenForSignature(owner, statement.Id), ct);
        foreach (var signatory in seed.Signatories.Where(s => s.Phase == SeedPhase.Initial))
            await RecordAsync(owner, statement.Id, signatory, SourceOf(seed), ct);
        await SendAsync(new PublishStatement(owner, statement.Id, Utc(seed.PublishedOn), AsOfUnknown: seed.PublishedOn is null), ct);
        foreach (var signatory in seed.Signatories.Where(s => s.Phase == SeedPhase.Subsequent))
            await RecordAsync(owner, statement.Id, signatory, SourceOf(seed), ct);
        if (seed.Closed) await SendAsync(new CloseStatement(owner, statement.Id), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Every seed signature is "imported from a published source", citing the statement's source.</summary>
    private Task RecordAsync(string owner, Guid statementId, SeedSignatory s, string source, CancellationToken ct) =>
        SendAsync(new RecordSignature(owner, statementId, Details(s), SignerName: null, SignerRole: null, Utc(s.SignedOn),
            SignedAtUnknown: s.SignedOn is null, Source: source), ct);

    /// <summary>
    /// Each use case runs as a request of the API runs it, on a context that tracks nothing yet: what the ones before saved is
    /// read afresh within the transaction. One context tracking every row of the import made each save compare them all again.
    /// </summary>
    private async Task<T> SendAsync<T>(IRequest<T> command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private static string SourceOf(SeedStatement seed) => string.Join(", ",
        new[] { seed.Citation?.Title ?? seed.Title, seed.IssuedBy, seed.Citation?.Publisher, seed.Citation?.Url }
            .Where(part => !string.IsNullOrWhiteSpace(part)));

    private static OrganisationDetails Details(SeedSignatory s) => new(s.Name, s.NameEnglish, s.Acronym, s.Country);

    // The sources give dates only; where they give none, the date stays unknown (never the moment of import).
    private static DateTimeOffset? Utc(DateOnly? date) =>
        date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private async Task<string> SeedAccountAsync()
    {
        var account = await users.FindByEmailAsync(SeedAccountEmail);
        if (account is null)
        {
            account = new WorkflowUser { UserName = SeedAccountEmail, Email = SeedAccountEmail, EmailConfirmed = true };
            var created = await users.CreateAsync(account); // no password: nobody can sign in as the seed account
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return account.Id;
    }

    private enum SeedPhase { Initial, Subsequent }

    private sealed record SeedStatement(
        string Slug, string Title, string Language, string BodyFile, bool AllowsFurtherSignatories,
        DateOnly? PublishedOn, bool Closed, IReadOnlyList<SeedSignatory> Signatories, string? InitiatedBy = null,
        StatementKind Kind = StatementKind.Joint, string? IssuedBy = null, bool ListIsPartial = false, string? ListNote = null,
        SeedCitation? Citation = null);

    /// <summary>The published source as the seed cites it (its <c>source</c> is the local copy).</summary>
    private sealed record SeedCitation(string? Title, string? Publisher, string? Url, DateOnly? AccessedOn)
    {
        public StatementSource ToSource() => new(Title, Publisher, Url, AccessedOn);
    }

    private sealed record SeedSignatory(string Name, string? NameEnglish, string? Acronym, string? Country, SeedPhase Phase,
        DateOnly? SignedOn);
}
