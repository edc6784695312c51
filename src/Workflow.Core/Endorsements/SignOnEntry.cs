using Workflow.Core.Common;
using Workflow.Core.Organisations;

namespace Workflow.Core.Endorsements;

public enum SignOnState { AwaitingConfirmation, AwaitingModeration, Approved, Rejected }

/// <summary>
/// An organisation that was not invited asks, through the public form, to sign a statement. It proves it reads the
/// organisation's mail by following a link sent there (the token kept only as a hash), then the drafters approve it
/// (it becomes a signature on the text the signer was shown) or reject it.
/// </summary>
public sealed class SignOnEntry : AggregateRoot
{
    public const int ReasonMaxLength = 2000;

    private SignOnEntry() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public string Name { get; private set; } = "";
    public string? NameEnglish { get; private set; }
    public string? Acronym { get; private set; }
    public string? Country { get; private set; }
    public string? Website { get; private set; }
    public string Email { get; private set; } = "";
    /// <summary>The e-mail address's domain, lower case: what the per-domain limit counts.</summary>
    public string EmailDomain { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public string SignerName { get; private set; } = "";
    public string? SignerRole { get; private set; }
    /// <summary>The version and hash of the text the signer was shown and agreed to.</summary>
    public int VersionNumber { get; private set; }
    public string TextHash { get; private set; } = "";
    public string ConfirmationTokenHash { get; private set; } = "";
    public SignOnState State { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>An entry not confirmed by then lapses: it no longer counts as pending and cannot be confirmed.</summary>
    public DateTimeOffset ConfirmBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }
    public string? ModeratedBy { get; private set; }
    public string? RejectionReason { get; private set; }
    public Guid? SignatureId { get; private set; }

    public OrganisationDetails Organisation => new(Name, NameEnglish, Acronym, Country, Website);

    public bool HasLapsed(DateTimeOffset now) => State == SignOnState.AwaitingConfirmation && ConfirmBy <= now;

    /// <summary>The state as people see it: an unconfirmed entry past its time shows as Lapsed.</summary>
    public string StatusAt(DateTimeOffset now) => HasLapsed(now) ? "Lapsed" : State.ToString();

    internal static SignOnEntry Submit(
        Guid statementId, OrganisationDetails organisation, string email, string language, string signerName,
        string? signerRole,
        int versionNumber, string textHash, string tokenHash, TimeSpan confirmWithin, DateTimeOffset now)
    {
        var entry = new SignOnEntry
        {
            Id = Guid.CreateVersion7(now),
            StatementId = statementId,
            Name = organisation.Name.Trim(),
            NameEnglish = OptionalText.TrimmedOrNull(organisation.NameEnglish),
            Acronym = OptionalText.TrimmedOrNull(organisation.Acronym),
            Country = OptionalText.TrimmedOrNull(organisation.Country)?.ToUpperInvariant(),
            Website = NameKey.WebsiteOf(organisation.Website)?.AbsoluteUri,
            Email = email.Trim(),
            EmailDomain = DomainOf(email),
            Language = language,
            SignerName = signerName.Trim(),
            SignerRole = OptionalText.TrimmedOrNull(signerRole),
            VersionNumber = versionNumber,
            TextHash = textHash,
            ConfirmationTokenHash = tokenHash,
            State = SignOnState.AwaitingConfirmation,
            SubmittedAt = now,
            ConfirmBy = StoredTime.Of(now + confirmWithin),
        };
        entry.Raise(new SignOnEvents.Submitted(statementId, entry.Id, entry.Name, entry.Email, language, tokenHash, entry.ConfirmBy,
            now));
        return entry;
    }

    /// <summary>The signer followed the link. Confirming again changes nothing.</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (State != SignOnState.AwaitingConfirmation) return;
        if (HasLapsed(now))
            throw new ConflictException("This confirmation link has lapsed. Fill in the sign-on form again to receive a new one.");
        State = SignOnState.AwaitingModeration;
        ConfirmedAt = now;
        Raise(new SignOnEvents.Confirmed(StatementId, Id, now));
    }

    /// <summary>
    /// The signature is on the list. The signer is told by e-mail, with the receipt and a fresh link to it (the approving drafter
    /// holds no token, and the database keeps only hashes): the confirmation link stops working, the e-mail says so.
    /// </summary>
    internal void Approve(Guid signatureId, Guid organisationId, string userId, string tokenHash, DateTimeOffset now)
    {
        EnsureAwaitingModeration();
        State = SignOnState.Approved;
        ModeratedAt = now;
        ModeratedBy = userId;
        SignatureId = signatureId;
        ConfirmationTokenHash = tokenHash;
        Raise(new SignOnEvents.Approved(StatementId, Id, signatureId, organisationId, userId, now));
        Raise(new SignatureEvents.ReceiptDue(StatementId, signatureId, Email, Language, "sign-on", tokenHash, now));
    }

    public void Reject(string? reason, string userId, DateTimeOffset now)
    {
        if (State is SignOnState.Approved or SignOnState.Rejected)
            throw new ConflictException($"This sign-on was already {State.ToString().ToLowerInvariant()}.");
        State = SignOnState.Rejected;
        ModeratedAt = now;
        ModeratedBy = userId;
        RejectionReason = OptionalText.TrimmedOrNull(reason);
        Raise(new SignOnEvents.Rejected(StatementId, Id, RejectionReason, userId, now));
    }

    /// <summary>A fresh link for the signatory (to confirm a changed text or withdraw); the old one is retired and still leads
    /// here.</summary>
    internal Endorsements.RetiredLink ReissueLink(string tokenHash, DateTimeOffset now)
    {
        var retired = Endorsements.RetiredLink.OfSignOn(ConfirmationTokenHash, Id, now);
        ConfirmationTokenHash = tokenHash;
        return retired;
    }

    public void EnsureAwaitingModeration()
    {
        if (State != SignOnState.AwaitingModeration)
            throw new ConflictException(State == SignOnState.AwaitingConfirmation
                ? "The signer has not confirmed this sign-on through the link sent to the organisation's address yet."
                : $"This sign-on was already {State.ToString().ToLowerInvariant()}.");
    }

    /// <summary>
    /// An entry submitted before names had to be one line cannot reach the list: the drafters reject it, and the
    /// organisation signs on again under the current rules.
    /// </summary>
    public void EnsureNamesAreSingleLine()
    {
        foreach (var (field, value) in new[] { ("organisation.name", Name), ("organisation.nameEnglish", NameEnglish),
            ("organisation.acronym", Acronym),
                     ("signerName", SignerName), ("signerRole", SignerRole) })
        {
            if (value is not null && !SingleLineText.IsSingleLine(value))
                throw new DomainRuleException(field, $"This sign-on's '{field}' is not one line of text (it holds line breaks, control " +
                    "or invisible " +
                    "formatting characters), so it cannot go on the list. Reject it and ask the organisation to sign on again.");
        }
    }

    public static string DomainOf(string email) => email.Trim()[(email.Trim().LastIndexOf('@') + 1)..].ToLowerInvariant();
}

/// <summary>Limits on the public form that keep it usable without a captcha.</summary>
public sealed class OpenSignOnOptions
{
    public const string Section = "OpenSignOn";
    /// <summary>Form submissions one client address may make per hour (all statements).</summary>
    public int PerClientAddressPerHour { get; set; } = 10;
    /// <summary>Entries one e-mail domain may make on one statement per hour.</summary>
    public int PerEmailDomainPerHour { get; set; } = 20;
    /// <summary>Entries a statement may hold awaiting confirmation or moderation at once.</summary>
    public int MaxPendingPerStatement { get; set; } = 200;
    /// <summary>How long the confirmation link works.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromHours(72);
}
