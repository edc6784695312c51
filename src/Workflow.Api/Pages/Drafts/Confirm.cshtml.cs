using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Publishing;
using Workflow.Core.Statements;

namespace Workflow.Api.Pages.Drafts;

/// <summary>
/// The step before an act that cannot be undone (opening, publishing, closing, withdrawing, revoking an invitation): it
/// says what will happen, and for publishing shows the public list as it will look, "as of" the date chosen. The act is
/// only ever done from here, by its own button, so it works without script.
/// </summary>
public sealed class ConfirmModel(IStringLocalizer<Texts> t, TimeProvider clock) : DraftPage
{
    public enum Act { Open, Publish, Close, Withdraw, Revoke }

    /// <summary>The format of an HTML datetime-local field, which the as-of chooser is; its time is UTC.</summary>
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public Act Doing { get; private set; }

    /// <summary>Held invitations that opening e-mails.</summary>
    public int HeldInvitations { get; private set; }
    public InvitationSummary? Invitation { get; private set; }
    /// <summary>The public list as publishing would show it, once the as-of date chosen passes the statement's rules.</summary>
    public SignatoryList? Preview { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The "as of" date and time chosen (UTC); empty for the moment of publishing.</summary>
    [BindProperty] public string? AsOf { get; set; }
    [BindProperty] public bool AsOfUnknown { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? InvitationId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string act, CancellationToken ct)
    {
        if (!await LoadAsync(id, act, ct)) return NotFound();
        if (Doing == Act.Publish) await AttemptPreviewAsync(id, ct);
        return Page();
    }

    /// <summary>Without script: the page again, with the preview for the date chosen.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, string act, CancellationToken ct)
    {
        if (!await LoadAsync(id, act, ct) || Doing != Act.Publish) return NotFound();
        await AttemptPreviewAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        if (!Enum.TryParse<Act>(act, ignoreCase: true, out var doing) || act.Any(char.IsDigit)) return NotFound();
        return await AttemptAsync(async () =>
        {
            switch (doing)
            {
                case Act.Open:
                    await Mediator.Send(new OpenForSignature(UserId, id), ct);
                    Notice = t["Open for signature."];
                    break;
                case Act.Publish:
                    await Mediator.Send(new PublishStatement(UserId, id, ParseAsOf(), AsOfUnknown), ct);
                    Notice = t["Published."];
                    break;
                case Act.Close:
                    await Mediator.Send(new CloseStatement(UserId, id), ct);
                    Notice = t["Closed to new signatures."];
                    break;
                case Act.Withdraw:
                    await Mediator.Send(new WithdrawStatement(UserId, id), ct);
                    Notice = t["Withdrawn."];
                    break;
                case Act.Revoke:
                    await Mediator.Send(new RevokeInvitation(UserId, id, InvitationId ?? throw new NotFoundException("invitation")), ct);
                    Notice = t["Invitation revoked."];
                    return Redirect($"/drafts/{id}/campaign");
            }
            return Redirect($"/drafts/{id}");
        }, async () =>
        {
            await LoadAsync(id, act, ct);
            if (Doing == Act.Publish && ModelState.ErrorCount == 0) await AttemptPreviewAsync(id, ct);
        });
    }

    /// <summary>The as-of date shown in words: the one chosen, or now.</summary>
    public string AsOfInWords => AsOfUnknown ? t["no date (it is not known)"]
        : Shared.InterfaceDates.DayAndTime(TryParseAsOf(out var chosen) ? chosen ?? Now : Now);

    private async Task<bool> LoadAsync(Guid id, string act, CancellationToken ct)
    {
        if (!Enum.TryParse<Act>(act, ignoreCase: true, out var doing) || act.Any(char.IsDigit)) return false;
        Doing = doing;
        Now = clock.GetUtcNow();
        await LoadStatementAsync(id, ct);
        if (!RunsStatement) throw new ForbiddenException("Only the owners of this statement may do this.");
        if (Doing is Act.Open or Act.Revoke)
        {
            var campaign = await Mediator.Send(new GetCampaign(UserId, id), ct);
            HeldInvitations = campaign.Counts.GetValueOrDefault(nameof(InvitationStatus.Held));
            if (Doing == Act.Revoke)
                Invitation = campaign.Invitations.SingleOrDefault(i => i.Id == InvitationId) ?? throw new NotFoundException("invitation");
        }
        return true;
    }

    private async Task AttemptPreviewAsync(Guid id, CancellationToken ct)
    {
        if (Statement.State != nameof(StatementState.OpenForSignature)) return;
        try
        {
            Preview = await Mediator.Send(new PreviewPublication(UserId, id, ParseAsOf(), AsOfUnknown), ct);
        }
        catch (FluentValidation.ValidationException e)
        {
            foreach (var failure in e.Errors) ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }
    }

    private DateTimeOffset? ParseAsOf() => TryParseAsOf(out var chosen) ? chosen
        : throw new DomainRuleException(nameof(AsOf), t["Give the date and time as the field shows them, for example 2026-12-01 14:30."]);

    private bool TryParseAsOf(out DateTimeOffset? chosen)
    {
        chosen = null;
        if (string.IsNullOrWhiteSpace(AsOf)) return true;
        // Browsers send yyyy-MM-ddTHH:mm, or with seconds; one typed by hand may use a space.
        string[] formats = [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(AsOf.Trim(), formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return false;
        chosen = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        return true;
    }
}
