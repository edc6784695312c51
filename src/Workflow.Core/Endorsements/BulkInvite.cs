using Workflow.Core.Accounts;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using ValidationException = FluentValidation.ValidationException;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// Invites many organisations from a CSV file with the header <c>name,nameEnglish,acronym,country,email,language</c>
/// and optionally <c>website</c> and <c>organisationId</c> (a directory record to use) (any order, any case; only name
/// and email required; language one of the interface languages). A row whose organisation only looks like a known one (same acronym and
/// country, same website) is rejected with the matches, so the coordinator chooses. Each row is invited through <see cref="InviteOrganisation"/>
/// on its own: a bad row is reported and leaves nothing behind, the good ones are invited.
/// </summary>
/// <param name="HandOverLinks">The drafter receives every signing link, to hand them over (the list will say so for each signature).</param>
/// <param name="PersonalMessage">The drafter's own words to every invited organisation (see <see cref="InviteOrganisation"/>).</param>
public sealed record BulkInvite(string UserId, Guid StatementId, string Csv, bool HandOverLinks = false, string? PersonalMessage = null) : IRequest<BulkInviteReport>;

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
        RuleFor(r => r.PersonalMessage).MaximumLength(EndorsementRequest.PersonalMessageMaxLength).IsPlainMultiLineText();
    }
}

public sealed class BulkInviteHandler(WorkflowDb db, IMediator mediator) : IRequestHandler<BulkInvite, BulkInviteReport>
{
    public const int MaxRows = 5000;
    private static readonly string[] Columns = ["name", "nameEnglish", "acronym", "country", "email", "language", "website", "organisationId"];

    public async Task<BulkInviteReport> Handle(BulkInvite request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        statement.EnsureAcceptsInvitations();
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        var rows = Parse(request.Csv);

        var report = new List<BulkInviteRow>();
        foreach (var (line, values) in rows)
        {
            string? Value(string column) => values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var name = Value("name");
            var email = Value("email");
            if (Value("organisationId") is { } chosen && !Guid.TryParse(chosen, out _))
            {
                report.Add(new BulkInviteRow(line, "Rejected", name, email, null, null, null,
                    new Dictionary<string, string[]> { ["organisationId"] = ["'organisationId' must be the id of a directory record."] }));
                continue;
            }
            try
            {
                var organisationId = Value("organisationId") is { } id ? Guid.Parse(id) : (Guid?)null;
                var created = await mediator.Send(new InviteOrganisation(request.UserId, request.StatementId,
                    new OrganisationDetails(name ?? "", Value("nameEnglish"), Value("acronym"), Value("country"), Value("website"), organisationId),
                    email ?? "", Language: Value("language"), HandOverLink: request.HandOverLinks, PersonalMessage: request.PersonalMessage), ct);
                report.Add(new BulkInviteRow(line, created.OrganisationMatched ? "Matched" : "Created", name, email,
                    created.InvitationId, created.Organisation.Id, created.Token, null));
            }
            catch (Exception e) when (e is ValidationException or ConflictException or DomainRuleException)
            {
                report.Add(new BulkInviteRow(line, "Rejected", name, email, null, null, null, Errors(e),
                    e is ConflictException c && c.Extensions.TryGetValue("matches", out var matches) ? matches as IReadOnlyList<DirectoryMatch> : null));
            }
            finally
            {
                // What a rejected row had begun (a new organisation, say) must not ride along with the next row's save.
                db.ChangeTracker.Clear();
            }
        }
        return new BulkInviteReport(report.Count(r => r.Outcome == "Created"), report.Count(r => r.Outcome == "Matched"),
            report.Count(r => r.Outcome == "Rejected"), report);
    }

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
        var header = reader.HeaderRecord!.Select(h => Columns.FirstOrDefault(c => string.Equals(c, h.Trim(), StringComparison.OrdinalIgnoreCase)) ?? h).ToArray();
        var missing = new[] { "name", "email" }.Where(required => !header.Contains(required)).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("csv", $"The header must name the columns {string.Join(", ", Columns)}; missing: {string.Join(", ", missing)}.");

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
        ValidationException v => v.Errors.GroupBy(f => JsonName(f.PropertyName)).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray()),
        DomainRuleException d => new() { [d.Field] = [d.Message] },
        ConflictException c when c.Extensions.ContainsKey("matches") => new() { ["organisation"] = [e.Message] },
        _ => new() { ["row"] = [e.Message] },
    };

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
