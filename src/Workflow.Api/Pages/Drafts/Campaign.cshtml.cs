using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Api.Pages.Shared;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Api.Pages.Drafts;

/// <summary>The campaign at a glance: invitations and their states, inviting one or many, and the open sign-on queue.</summary>
public sealed class CampaignModel(IStringLocalizer<Texts> t) : DraftPage
{
    public sealed class InviteInput
    {
        public string Name { get; set; } = "";
        public string? NameEnglish { get; set; }
        public string? Acronym { get; set; }
        public string? Country { get; set; }
        public string Email { get; set; } = "";
        public string Language { get; set; } = "en";
        public string? PersonalMessage { get; set; }
        public bool RegisterAsNew { get; set; }
    }

    /// <summary>Bulk files are small; larger ones are refused before reading.</summary>
    private const long MaxCsvBytes = 512 * 1024;

    public CampaignView Campaign { get; private set; } = null!;
    public IReadOnlyList<SignOnSummary> Queue { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];
    public BulkInviteReport? BulkReport { get; private set; }

    [BindProperty] public InviteInput Invite { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) => Change(id, async () =>
    {
        var organisation = new OrganisationDetails(Invite.Name, OptionalText.TrimmedOrNull(Invite.NameEnglish),
            OptionalText.TrimmedOrNull(Invite.Acronym), OptionalText.TrimmedOrNull(Invite.Country), RegisterAsNew: Invite.RegisterAsNew);
        var created = await Mediator.Send(new InviteOrganisation(UserId, id, organisation, Invite.Email.Trim(), null, Invite.Language,
            PersonalMessage: OptionalText.TrimmedOrNull(Invite.PersonalMessage)), ct);
        return created.Held ? t["Invitation to {0} held: it is e-mailed when the statement opens for signature.", created.Email]
            : t["Invitation sent to {0}.", created.Email];
    }, ct);

    public Task<IActionResult> OnPostBulkAsync(Guid id, IFormFile? csvFile, string? csvText, string? personalMessage,
        CancellationToken ct) => AttemptAsync(async () =>
    {
        string csv;
        if (csvFile is { Length: > 0 })
        {
            if (csvFile.Length > MaxCsvBytes) throw new Core.Common.DomainRuleException("csvFile",
                t["The CSV file is larger than 512 KB."]);
            using var reader = new StreamReader(csvFile.OpenReadStream());
            csv = await reader.ReadToEndAsync(ct);
        }
        else csv = csvText ?? "";
        BulkReport = await Mediator.Send(new BulkInvite(UserId, id, csv, PersonalMessage: OptionalText.TrimmedOrNull(personalMessage)), ct);
        await LoadAsync(id, ct);
        return Page();
    }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostResendAsync(Guid id, Guid invitationId, CancellationToken ct) => Change(id, async () =>
    {
        var sent = await Mediator.Send(new ResendInvitation(UserId, id, invitationId), ct);
        return t["A new link was sent to {0}; the old one no longer works.", sent.Email];
    }, ct);

    public Task<IActionResult> OnPostRemindPendingAsync(Guid id, CancellationToken ct) => Change(id, async () =>
    {
        var reminded = await Mediator.Send(new RemindPendingInvitations(UserId, id), ct);
        return t["Reminders sent: {0}. Each carries a new link; the old links no longer work.", reminded.Reminded];
    }, ct);

    public Task<IActionResult> OnPostOpenSignOnAsync(Guid id, bool enabled, CancellationToken ct) => Change(id, async () =>
    {
        await Mediator.Send(new SetOpenSignOn(UserId, id, enabled), ct);
        return enabled ? t["The public form is on."] : t["The public form is off."];
    }, ct);

    /// <summary>The value of the moderation form's choice that registers the sign-on as an organisation new to the directory.</summary>
    public const string NewOrganisation = "new";

    /// <param name="organisation">
    /// The directory record the drafter chose, <see cref="NewOrganisation"/>, or nothing: then the directory's rules decide, as through the
    /// API.
    /// </param>
    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid signOnId, string? organisation, CancellationToken ct) =>
        Change(id, async () =>
    {
        var registerAsNew = organisation == NewOrganisation;
        Guid? chosen = !registerAsNew && Guid.TryParse(organisation, out var organisationId) ? organisationId : null;
        if (!registerAsNew && chosen is null && !string.IsNullOrWhiteSpace(organisation))
            throw new Core.Common.DomainRuleException("organisation", t["Choose one of the organisations offered, or a new one."]);
        var receipt = await Mediator.Send(new ApproveSignOn(UserId, id, signOnId, chosen, registerAsNew), ct);
        return t["Approved: {0} is number {1} on the list.", receipt.Organisation.Name, receipt.Number];
    }, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid signOnId, string? reason, CancellationToken ct) => Change(id, async () =>
    {
        await Mediator.Send(new RejectSignOn(UserId, id, signOnId, OptionalText.TrimmedOrNull(reason)), ct);
        return t["Rejected; the signer is told by e-mail."];
    }, ct);

    private Task<IActionResult> Change(Guid id, Func<Task<string>> command, CancellationToken ct) =>
        ChangeAsync($"/drafts/{id}/campaign", command, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await LoadStatementAsync(id, ct);
        Campaign = await Mediator.Send(new GetCampaign(UserId, id), ct);
        Queue = SeesPersonalData ? await Mediator.Send(new ListSignOns(UserId, id, SignOnState.AwaitingModeration), ct) : [];
        Countries = CountryChoices.InCurrentLanguage();
    }
}
