using Workflow.Core.Accounts;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using ValidationException = FluentValidation.ValidationException;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// Invites many organisations from a CSV file with the header <c>name,nameEnglish,acronym,country,email,language</c>
/// and optionally <c>website</c> and <c>organisationId</c> (a directory record to use) (any order, any case; only name
/// and email required; language one of the interface languages). A row whose organisation only looks like a known one (same acronym and
/// country, same website) is rejected with the matches, so the coordinator chooses. Each row is decided by the rules of
/// <see cref="InviteOrganisation"/> on its own, in order: a bad row is reported and leaves nothing behind, the good ones are
/// invited. The rows are read and saved a thousand at a time (<see cref="BulkInviteHandler.RowsPerSave"/>), not one by one.
/// </summary>
/// <param name="HandOverLinks">The drafter receives every signing link, to hand them over (the list will say so for each
/// signature).</param>
/// <param name="PersonalMessage">The drafter's own words to every invited organisation (see <see cref="InviteOrganisation"/>).</param>
public sealed record BulkInvite(string UserId, Guid StatementId, string Csv, bool HandOverLinks = false, string? PersonalMessage = null)
    : IRequest<BulkInviteReport>;

/// <param name="Row">The row's line in the file, the header being line 1.</param>
/// <param name="Outcome">Created (a new organisation was invited), Matched (an organisation already known was invited) or Rejected.</param>
/// <param name="Matches">For a row rejected as a possible twin: the directory records it may be.</param>
public sealed record BulkInviteRow(int Row, string Outcome, string? Name, string? Email, Guid? InvitationId, Guid? OrganisationId,
    string? Token, IReadOnlyDictionary<string, string[]>? Errors, IReadOnlyList<DirectoryMatch>? Matches = null);

public sealed record BulkInviteReport(int Created, int Matched, int Rejected, IReadOnlyList<BulkInviteRow> Rows);

public sealed class BulkInviteValidator : AbstractValidator<BulkInvite>
{
    public BulkInviteValidator()
    {
        RuleFor(r => r.Csv).NotEmpty().WithMessage("The CSV file is empty.");
        RuleFor(r => r.PersonalMessage).MaximumLength(Invitation.PersonalMessageMaxLength).IsPlainMultiLineText();
    }
}

public sealed class BulkInviteHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens,
    IEnumerable<IValidator<InviteOrganisation>> validators, IDatabaseErrors databaseErrors) : IRequestHandler<BulkInvite, BulkInviteReport>
{
    public const int MaxRows = 10_000;

    /// <summary>Rows decided and saved together: one read of the directory and of the statement's invitations and signatures, one
    /// commit.</summary>
    internal const int RowsPerSave = 1000;

    private static readonly string[] Columns = ["name", "nameEnglish", "acronym", "country", "email", "language", "website",
        "organisationId"];

    public async Task<BulkInviteReport> Handle(BulkInvite request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        statement.EnsureAcceptsInvitations();
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        var rows = Parse(request.Csv).Select(row => ToInvitation(request, row.Line, row.Values)).ToList();

        var report = new List<BulkInviteRow>(rows.Count);
        foreach (var chunk in rows.Chunk(RowsPerSave))
            report.AddRange(await InviteTogetherAsync(request, chunk, ct));
        return new BulkInviteReport(report.Count(r => r.Outcome == "Created"), report.Count(r => r.Outcome == "Matched"),
            report.Count(r => r.Outcome == "Rejected"), report);
    }

    /// <summary>A row as the invitation it asks for, or the reason it cannot be one.</summary>
    private sealed record Row(int Line, string? Name, string? Email, InviteOrganisation? Invitation, BulkInviteRow? Rejection);

    private static Row ToInvitation(BulkInvite request, int line, Dictionary<string, string> values)
    {
        string? Value(string column) => values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var (name, email) = (Value("name"), Value("email"));
        Guid? organisationId = null;
        if (Value("organisationId") is { } chosen)
        {
            if (!Guid.TryParse(chosen, out var id))
                return new Row(line, name, email, null, new BulkInviteRow(line, "Rejected", name, email, null, null, null,
                    new Dictionary<string, string[]> { ["organisationId"] = ["'organisationId' must be the id of a directory record."] }));
            organisationId = id;
        }
        return new Row(line, name, email, new InviteOrganisation(request.UserId, request.StatementId,
            new OrganisationDetails(name ?? "", Value("nameEnglish"), Value("acronym"), Value("country"), Value("website"), organisationId),
            email ?? "", Language: Value("language"), HandOverLink: request.HandOverLinks, PersonalMessage: request.PersonalMessage), null);
    }

    /// <summary>
    /// Decides each row in order by the rules of <see cref="InviteOrganisation"/>, against what the rows before it did, and
    /// saves the invited ones in one transaction. Should that save fail (someone else invited or signed meanwhile), nothing
    /// of it stays and its rows go through <see cref="InviteOrganisation"/> one by one.
    /// </summary>
    private async Task<List<BulkInviteRow>> InviteTogetherAsync(BulkInvite request, Row[] rows, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Whether it still accepts invitations is each row's question (RequestEndorsement), as when they went one by one.
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var signed = (await db.Signatures.Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active)
            .Select(s => s.OrganisationId).ToListAsync(ct)).ToHashSet();
        var pending = (await db.Invitations.Where(r => r.StatementId == statement.Id && r.State == InvitationState.Pending)
            .Select(r => r.OrganisationId).ToListAsync(ct)).ToHashSet();
        var directory = new DirectoryBatch(db);
        await directory.LoadCandidatesAsync(rows.Where(r => r.Invitation is not null).Select(r => r.Invitation!.Organisation), ct);

        var report = new List<BulkInviteRow>(rows.Length);
        var invited = new List<(int Index, Row Row)>();
        foreach (var row in rows)
        {
            if (row.Rejection is not null)
            {
                report.Add(row.Rejection);
                continue;
            }
            var invitation = row.Invitation!;
            Organisation? registered = null;
            try
            {
                await ValidateAsync(invitation, ct);
                var now = clock.GetUtcNow();
                var (organisation, matched, shownAs) = await directory.ResolveAsync(invitation.Organisation, now, ct, request.UserId);
                if (!matched) registered = organisation;
                if (signed.Contains(organisation.Id)) throw Statement.AlreadySigned(organisation);
                if (pending.Contains(organisation.Id)) throw InviteOrganisationHandler.AlreadyPending(organisation);
                var (endorsementRequest, token) = InviteOrganisationHandler.Invite(statement, organisation, shownAs, invitation,
                    db.LinksToMail.New(linkTokens), now);
                db.Invitations.Add(endorsementRequest);
                pending.Add(organisation.Id);
                invited.Add((report.Count, row));
                report.Add(new BulkInviteRow(row.Line, matched ? "Matched" : "Created", row.Name, row.Email,
                    endorsementRequest.Id, organisation.Id, request.HandOverLinks ? token : null, null));
            }
            catch (Exception e) when (e is ValidationException or ConflictException or DomainRuleException)
            {
                // What a refused row had begun (a new organisation) must not ride along with the others' save.
                if (registered is not null) directory.Forget(registered);
                report.Add(Rejected(row, e));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or ValidationException)
        {
            db.ChangeTracker.Clear();
            foreach (var (index, row) in invited) report[index] = await InviteAloneAsync(row, ct);
        }
        return report;
    }

    private async Task ValidateAsync(InviteOrganisation invitation, CancellationToken ct)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators) failures.AddRange((await validator.ValidateAsync(invitation, ct)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>One row of a group whose save failed, as <see cref="InviteOrganisation"/> alone; a row that loses a race again is decided
    /// again.</summary>
    private async Task<BulkInviteRow> InviteAloneAsync(Row row, CancellationToken ct)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await InviteOrganisationHandler.InviteAsync(db, linkTokens, row.Invitation!, clock.GetUtcNow(), ct);
                return new BulkInviteRow(row.Line, created.OrganisationMatched ? "Matched" : "Created", row.Name, row.Email,
                    created.InvitationId, created.Organisation.Id, created.Token, null);
            }
            catch (Exception e) when (e is ValidationException or ConflictException or DomainRuleException)
            {
                return Rejected(row, e);
            }
            catch (DbUpdateException e) when (LostRace.Is(databaseErrors, e))
            {
                if (attempt == attempts) return Rejected(row, LostRace.Refusal());
            }
            finally
            {
                // What a rejected row had begun (a new organisation, say) must not ride along with the next row's save.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static BulkInviteRow Rejected(Row row, Exception e) => new(row.Line, "Rejected", row.Name, row.Email, null, null,
        null, Errors(e),
        e is ConflictException c && c.Extensions.TryGetValue("matches", out var matches) ? matches as IReadOnlyList<DirectoryMatch> : null);

    private static List<(int Line, Dictionary<string, string> Values)> Parse(string csv)
    {
        try
        {
            return ParseRows(csv);
        }
        catch (CsvHelperException e)
        {
            throw new DomainRuleException("csv", $"The CSV file cannot be read: {e.Message.Split('\n')[0]}");
        }
    }

    private static List<(int Line, Dictionary<string, string> Values)> ParseRows(string csv)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new CsvReader(new StringReader(csv), configuration);
        if (!reader.Read() || !reader.ReadHeader())
            throw new DomainRuleException("csv", "The CSV file has no header line.");
        var header = reader.HeaderRecord!.Select(h => Columns.FirstOrDefault(c =>
            string.Equals(c, h.Trim(), StringComparison.OrdinalIgnoreCase)) ?? h).ToArray();
        var missing = new[] { "name", "email" }.Where(required => !header.Contains(required)).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("csv", $"The header must name the columns {string.Join(", ", Columns)}; missing: " +
                $"{string.Join(", ", missing)}.");

        var rows = new List<(int, Dictionary<string, string>)>();
        while (reader.Read())
        {
            if (rows.Count == MaxRows) throw new DomainRuleException("csv", $"At most {MaxRows} rows can be invited at once.");
            var values = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++) values[header[i]] = reader.GetField(i) ?? "";
            if (values.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((reader.Parser.RawRow, values));
        }
        return rows;
    }

    private static Dictionary<string, string[]> Errors(Exception e) => e switch
    {
        ValidationException v => v.Errors.GroupBy(f => JsonName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray()),
        DomainRuleException d => new() { [d.Field] = [d.Message] },
        ConflictException c when c.Extensions.ContainsKey("matches") => new() { ["organisation"] = [e.Message] },
        _ => new() { ["row"] = [e.Message] },
    };

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
