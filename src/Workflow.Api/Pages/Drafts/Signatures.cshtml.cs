using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Api.Pages.Shared;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Publishing;

namespace Workflow.Api.Pages.Drafts;

/// <summary>How a signature recorded by the drafters was gathered; the page writes it as the public note.</summary>
public enum GatheredBy { Email, Paper, Other, PublishedSource }

/// <summary>
/// Every signature of a statement in a table the drafters sort, filter and export; and the owners' corrections: recording a
/// signature gathered elsewhere, correcting a displayed name, invalidating a signature with its reason — the API's requests.
/// </summary>
public sealed class SignaturesModel(IStringLocalizer<Texts> t) : DraftPage
{
    public sealed class RecordInput
    {
        /// <summary>A directory record chosen from the search; otherwise the names typed below.</summary>
        public Guid? OrganisationId { get; set; }
        public string? Name { get; set; }
        public string? NameEnglish { get; set; }
        public string? Acronym { get; set; }
        public string? Country { get; set; }
        public bool RegisterAsNew { get; set; }
        public string? SignerName { get; set; }
        public string? SignerRole { get; set; }
        public GatheredBy Method { get; set; } = GatheredBy.Email;
        /// <summary>The drafters' note (which e-mail, which meeting), or the published source's citation.</summary>
        public string? Detail { get; set; }
        public DateOnly? SignedOn { get; set; }
        public bool DateUnknown { get; set; }
    }

    public sealed class CorrectInput
    {
        public string Name { get; set; } = "";
        public string? NameEnglish { get; set; }
        public string? Acronym { get; set; }
        public bool Confirm { get; set; }
    }

    public sealed class InvalidateInput
    {
        public InvalidationReason? Reason { get; set; }
        public string? Note { get; set; }
        public bool Confirm { get; set; }
    }

    public SignatureView View { get; private set; } = new();
    /// <summary>The signatures the view selects, in its order; the page shows <see cref="Shown"/>.</summary>
    public IReadOnlyList<SignatureRecord> Selected { get; private set; } = [];
    public IReadOnlyList<SignatureRecord> Shown { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    /// <summary>The signature whose name is being corrected or which is being invalidated.</summary>
    public SignatureRecord? Changing { get; private set; }
    public IReadOnlyList<DirectoryEntry> Found { get; private set; } = [];
    public string? Find { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    [BindProperty] public RecordInput Record { get; set; } = new();
    [BindProperty] public CorrectInput Correct { get; set; } = new();
    [BindProperty] public InvalidateInput Invalidate { get; set; } = new();

    /// <summary>Only owners record, correct and invalidate signatures (the requests' own rule); the others see the buttons not at
    /// all.</summary>
    public bool MayChange => Statement.YourRole == nameof(Core.Statements.StatementRole.Owner);

    public bool AcceptsSignatures => Statement.State == "OpenForSignature" || (Statement.State == "Published"
        && Statement.AllowsFurtherSignatories);

    public async Task OnGetAsync(Guid id, [FromQuery] SignatureView view, Guid? change, string? find, CancellationToken ct)
    {
        View = view;
        await LoadAsync(id, ct);
        if (change is { } signatureId)
            Changing = (await Mediator.Send(new ListSignatures(UserId, id, signatureId), ct)).SingleOrDefault()
                ?? throw new NotFoundException("signature");
        if (!string.IsNullOrWhiteSpace(find) && MayChange)
        {
            Find = find.Trim();
            Found = await Mediator.Send(new SearchOrganisations(UserId, Find, null), ct);
        }
    }

    /// <summary>The signatures the view selects, all of them (not one page), as a spreadsheet opens them in any script.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, [FromQuery] SignatureView view, CancellationToken ct)
    {
        View = view;
        await LoadAsync(id, ct);
        var header = new List<string>
        {
            t["No."], t["Organisation"], t["Name in English"], t["Acronym"], t["Country"], t["Signer"], t["Role"],
        };
        if (SeesPersonalData) header.Add(t["E-mail"]);
        header.AddRange([t["Signed on"], t["Version signed"], t["Current version"], t["Re-confirmation"], t["How it came about"],
            t["Status"]]);
        var rows = Selected.Select(s =>
        {
            var row = new List<object?>
            {
                s.Number, SingleLineText.Flatten(s.DisplayedName), SingleLineText.FlattenOrNull(s.DisplayedNameEnglish),
                SingleLineText.FlattenOrNull(s.DisplayedAcronym), s.Organisation.Country, SingleLineText.FlattenOrNull(s.SignerName),
                SingleLineText.FlattenOrNull(s.SignerRole),
            };
            if (SeesPersonalData) row.Add(s.SignerEmail);
            row.AddRange([s.SignedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? t["date not known"].Value,
                s.VersionNumber, IsCurrent(s) ? t["yes"].Value : t["no"].Value, ReconfirmationText(s),
                SingleLineText.Flatten(ProvenanceText.Of(t, s.Provenance)), StatusText(s)]);
            return row;
        });
        var csv = ListFormats.SpreadsheetCsv(header, rows);
        // The byte-order mark tells Excel the file is UTF-8; without it, names in Arabic or Cyrillic arrive garbled.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"signatures-{Statement.Slug}.csv");
    }

    public Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct) => ChangeAsync($"/drafts/{id}/signatures", async () =>
    {
        var detail = OptionalText.TrimmedOrNull(Record.Detail);
        if (Record.Method == GatheredBy.PublishedSource && detail is null)
            throw new DomainRuleException("Record.Detail", t["Name the published source the signature is taken from."]);
        var note = Record.Method switch
        {
            GatheredBy.Email => detail is null ? t["by e-mail"].Value : t["by e-mail: {0}", detail].Value,
            GatheredBy.Paper => detail is null ? t["on paper"].Value : t["on paper: {0}", detail].Value,
            GatheredBy.Other => detail,
            _ => null,
        };
        var organisation = new OrganisationDetails(Record.Name?.Trim() ?? "", OptionalText.TrimmedOrNull(Record.NameEnglish),
            OptionalText.TrimmedOrNull(Record.Acronym), OptionalText.TrimmedOrNull(Record.Country), Id: Record.OrganisationId,
            RegisterAsNew: Record.RegisterAsNew);
        DateTimeOffset? signedAt = Record.DateUnknown || Record.SignedOn is not { } day ? null
            : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var receipt = await Mediator.Send(new RecordSignature(UserId, id, organisation, OptionalText.TrimmedOrNull(Record.SignerName),
            OptionalText.TrimmedOrNull(Record.SignerRole), signedAt, Record.DateUnknown, note, Record.Method == GatheredBy.PublishedSource
            ? detail : null), ct);
        return t["Recorded: {0} is number {1} on the list.", receipt.Organisation.Name, receipt.Number];
    }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostCorrectAsync(Guid id, Guid signatureId, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/signatures", async () =>
    {
        if (!Correct.Confirm) throw new DomainRuleException("Correct.Confirm", t["Tick the box to confirm the correction."]);
        var receipt = await Mediator.Send(new CorrectSignatoryName(UserId, id, signatureId, Correct.Name.Trim(),
            OptionalText.TrimmedOrNull(Correct.NameEnglish), OptionalText.TrimmedOrNull(Correct.Acronym)), ct);
        return t["Number {0} is now shown as {1}.", receipt.Number, receipt.Organisation.Name];
    }, () => LoadChangingAsync(id, signatureId, ct));

    public Task<IActionResult> OnPostInvalidateAsync(Guid id, Guid signatureId, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/signatures", async () =>
    {
        if (!Invalidate.Confirm) throw new DomainRuleException("Invalidate.Confirm", t["Tick the box to confirm the invalidation."]);
        var receipt = await Mediator.Send(new InvalidateSignature(UserId, id, signatureId, Invalidate.Reason,
            OptionalText.TrimmedOrNull(Invalidate.Note)), ct);
        return t["Number {0} ({1}) is invalidated.", receipt.Number, receipt.Organisation.Name];
    }, () => LoadChangingAsync(id, signatureId, ct));

    public bool IsCurrent(SignatureRecord s) => s.VersionNumber == Statement.SignableVersionNumber;

    public string ReconfirmationText(SignatureRecord s) => s.Reconfirmation switch
    {
        ReconfirmationState.Awaiting => t["awaiting re-confirmation of version {0}", Statement.SignableVersionNumber ?? 0],
        ReconfirmationState.Reconfirmed => t["re-confirmed version {0}", s.ConfirmedVersionNumber],
        _ => t["not needed"],
    };

    public string StatusText(SignatureRecord s) => s.Status switch
    {
        nameof(SignatureStatus.Withdrawn) => t["Withdrawn"],
        nameof(SignatureStatus.Invalidated) => s.InvalidationReason is { } reason
            ? t["Invalidated: {0}", ReasonText(reason)] : t["Invalidated"],
        _ => t["Valid"],
    };

    public string ReasonText(string reason) => reason switch
    {
        nameof(InvalidationReason.NotGenuine) => t["not genuine"],
        nameof(InvalidationReason.SignedByMistake) => t["signed by mistake"],
        nameof(InvalidationReason.Duplicate) => t["a duplicate"],
        _ => reason,
    };

    public string ProvenanceLabel(SignatureProvenance provenance) => provenance switch
    {
        SignatureProvenance.InvitationLink => t["invitation link"],
        SignatureProvenance.HandedOverLink => t["handed-over link"],
        SignatureProvenance.SignOn => t["public sign-on form"],
        SignatureProvenance.RecordedByDrafters => t["recorded by the drafters"],
        _ => t["imported from a published source"],
    };

    private async Task LoadChangingAsync(Guid id, Guid signatureId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Changing = (await Mediator.Send(new ListSignatures(UserId, id, signatureId), ct)).SingleOrDefault();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        var all = await Mediator.Send(new ListSignatures(UserId, id), ct);
        Selected = SignatureTable.Apply(all, View, CultureInfo.CurrentCulture);
        Total = all.Count;
        PageCount = SignatureTable.PageCount(Selected.Count);
        PageNumber = Math.Clamp(View.Page, 1, PageCount);
        Shown = SignatureTable.PageOf(Selected, PageNumber);
        if (MayChange) Countries = CountryChoices.InCurrentLanguage();
    }
}
