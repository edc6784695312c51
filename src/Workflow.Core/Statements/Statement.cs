using Workflow.Core.Common;
using Workflow.Core.Drafting;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Core.Statements;

public enum StatementState { Draft, OpenForSignature, Published, Closed, Withdrawn }

/// <summary>
/// A statement and its lifecycle: Draft → OpenForSignature → Published → Closed, and Withdrawn from any state.
/// Its text lives in immutable, numbered versions; the version open for signature is frozen.
/// </summary>
public sealed class Statement : AggregateRoot
{
    public const int TitleMaxLength = 300;
    /// <summary>200 KB of UTF-8: longer than any joint statement we have seen, short enough to keep pages fast.</summary>
    public const int BodyMaxBytes = 200 * 1024;

    private readonly List<StatementMember> _members = [];

    private Statement() { }

    public Guid Id { get; private set; }
    public string Slug { get; private set; } = "";
    /// <summary>The title of the latest version, kept here for lists.</summary>
    public string Title { get; private set; } = "";
    /// <summary>BCP 47 tag of the text's language.</summary>
    public string Language { get; private set; } = "";
    public bool AllowsFurtherSignatories { get; private set; }
    public StatementState State { get; private set; }
    public int LatestVersionNumber { get; private set; }
    /// <summary>The version frozen when the statement was opened for signature; signers sign exactly this text.</summary>
    public int? SignableVersionNumber { get; private set; }
    /// <summary>How many signatures were ever recorded; the next one gets the next list number.</summary>
    public int SignatureCount { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    /// <summary>When the statement was published in Workflow; signatures recorded after it are subsequent signatories.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>
    /// The date the statement was published, which its list is "as of": the drafters' date for a list gathered before it reached
    /// Workflow, else the moment of publishing. Null when it is not known (a statement taken from a source that gives no date).
    /// </summary>
    public DateTimeOffset? PublicationDate { get; private set; }
    public StatementKind Kind { get; private set; }
    /// <summary>Who issued or wrote the text, as its source names them, when that is not simply its signatories.</summary>
    public string? IssuedBy { get; private set; }
    /// <summary>The list names only some of those who agreed the text; <see cref="ListNote"/> says what is known.</summary>
    public bool ListIsPartial { get; private set; }
    public string? ListNote { get; private set; }
    public string? SourceTitle { get; private set; }
    public string? SourcePublisher { get; private set; }
    public string? SourceUrl { get; private set; }
    public DateOnly? SourceAccessedOn { get; private set; }

    public StatementSource? Source =>
        new StatementSource(SourceTitle, SourcePublisher, SourceUrl, SourceAccessedOn) is { IsEmpty: false } source ? source : null;

    public PublicationDetails PublicationDetails => new(Kind, IssuedBy, ListIsPartial, ListNote, Source);

    /// <summary>Says what kind of text this is, who issued it, whether the list is partial and where it was published.</summary>
    public void SetPublicationDetails(PublicationDetails details, string userId, DateTimeOffset now)
    {
        EnsureOpenToDrafting();
        if (details.Kind == StatementKind.Article && SignatureCount > 0)
            throw new ConflictException("Signatures have been recorded on this statement: an article is written by its authors and " +
                "signed by nobody.");
        if (details.Source?.AccessedOn is { } accessed && accessed > DateOnly.FromDateTime(now.UtcDateTime))
            throw new DomainRuleException("source.accessedOn", "A source cannot have been read on a date in the future.");
        Kind = details.Kind;
        IssuedBy = details.IssuedBy?.Trim();
        ListIsPartial = details.ListIsPartial;
        ListNote = details.ListIsPartial ? details.ListNote?.Trim() : null;
        SourceTitle = details.Source?.Title?.Trim();
        SourcePublisher = details.Source?.Publisher?.Trim();
        SourceUrl = details.Source?.Url?.Trim();
        SourceAccessedOn = details.Source?.AccessedOn;
        UpdatedAt = now;
        Raise(new StatementEvents.PublicationDetailsSet(Id, Kind, IssuedBy, ListIsPartial, ListNote, SourceTitle, SourcePublisher,
            SourceUrl, SourceAccessedOn, userId, now));
    }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>After it, pending invitations expire; before it, they get reminders.</summary>
    public DateTimeOffset? SignatureDeadline { get; private set; }
    /// <summary>
    /// The translations signers may read beside the version open for signature, as "language:number" (for example
    /// "es:2"). Set when the statement opens; a language joins once a translation of the signed text is saved, and
    /// keeps its version until the text changes.
    /// </summary>
    public List<string> SignableTranslations { get; private set; } = [];

    public IReadOnlyDictionary<string, int> SignableTranslationNumbers() =>
        SignableTranslations.Select(OfferedTranslation.Parse).ToDictionary(t => t.Language, t => t.Number);

    /// <summary>A translation version was saved: it joins the signers' set when it translates the text being signed and its language is not
    /// there yet.</summary>
    public void OfferTranslation(string language, int number, int translatesVersion, DateTimeOffset now)
    {
        if (State is not (StatementState.OpenForSignature or StatementState.Published)
            || translatesVersion != SignableVersionNumber) return;
        if (SignableTranslationNumbers().ContainsKey(language)) return;
        SignableTranslations = [.. SignableTranslations, new OfferedTranslation(language, number).ToString()];
        UpdatedAt = now;
    }

    /// <summary>The primary text moved on from the version these translations translate.</summary>
    public void MarkTranslationsStale(IEnumerable<(string Language, int TranslatesVersion)> translations, DateTimeOffset now)
    {
        foreach (var (language, translates) in translations)
            Raise(new StatementEvents.TranslationMarkedStale(Id, language, translates, LatestVersionNumber, now));
    }

    /// <summary>The organisations that initiate the statement, in order: listed first, and the first to sign.</summary>
    public List<Guid> InitiatorIds { get; private set; } = [];

    /// <summary>Names the initiators. Possible until someone other than them has signed, as they sign first.</summary>
    public void SetInitiators(IReadOnlyList<Organisation> initiators, bool othersHaveSigned, string userId, DateTimeOffset now)
    {
        if (State is not (StatementState.Draft or StatementState.OpenForSignature))
            throw new ConflictException($"The statement is {Describe(State)}; its initiators can no longer change.");
        if (othersHaveSigned)
            throw new ConflictException("Organisations other than the initiators have signed already; the initiators can no " +
                "longer change.");
        InitiatorIds = initiators.Select(o => o.Id).Distinct().ToList();
        UpdatedAt = now;
        Raise(new StatementEvents.InitiatorsSet(Id, InitiatorIds, userId, now));
    }

    /// <summary>
    /// Whether an organisation may sign now, given the organisations whose signatures stand: once only, and after the
    /// initiators (anyone else waits until every initiator has a standing signature). The one rule for a signature through
    /// a link, one recorded by the drafters and an approved sign-on.
    /// </summary>
    public void EnsureMaySign(Organisation signer, IReadOnlyCollection<Guid> standingSignatories)
    {
        if (standingSignatories.Contains(signer.Id)) throw AlreadySigned(signer);
        if (InitiatorIds.Count == 0 || InitiatorIds.Contains(signer.Id)) return;
        var waiting = InitiatorIds.Count(id => !standingSignatories.Contains(id));
        if (waiting > 0)
            throw new ConflictException($"The initiators of this statement sign first; {waiting} of them ha{(waiting == 1 ? "s" : "ve")} " +
                "not signed yet.");
    }

    public static ConflictException AlreadySigned(Organisation organisation) =>
        new($"{organisation.Name} has already signed this statement.");

    /// <summary>Whether organisations that were not invited may ask to sign through the public form.</summary>
    public bool AcceptsOpenSignOn { get; private set; }
    public IReadOnlyList<StatementMember> Members => _members;

    public bool IsPublic => State is StatementState.Published or StatementState.Closed;

    public static (Statement Statement, StatementVersion FirstVersion) Draft(
        string slug, string title, string body, string language, bool allowsFurtherSignatories, string userId, DateTimeOffset now)
    {
        var statement = new Statement
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Title = title,
            Language = language,
            AllowsFurtherSignatories = allowsFurtherSignatories,
            State = StatementState.Draft,
            LatestVersionNumber = 1,
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        statement._members.Add(new StatementMember(statement.Id, userId, StatementRole.Owner, now));
        var version = StatementVersion.Create(statement.Id, 1, title, body, userId, now);
        statement.Raise(new StatementEvents.Drafted(statement.Id, slug, title, language, 1, version.TextHash, userId, now));
        return (statement, version);
    }

    /// <summary>403 unless the caller is a member with at least this role (owner > editor > commenter > viewer).</summary>
    public void EnsureRole(string userId, StatementRole minimum)
    {
        if (RoleOf(userId) is { } role && role >= minimum) return;
        throw new ForbiddenException(minimum switch
        {
            StatementRole.Owner => "Only the owners of this statement may do this.",
            StatementRole.Editor => "Only the owners and editors of this statement may do this.",
            StatementRole.Commenter => "Only the statement's owners, editors and commenters may do this.",
            _ => "Only the members of this statement may see this.",
        });
    }

    /// <summary>Whether this member sees the statement's personal data (<see cref="PersonalData"/>).</summary>
    public bool ShowsPersonalDataTo(string userId) => PersonalData.IsSeenBy(RoleOf(userId));

    public void EnsurePersonalDataVisibleTo(string userId)
    {
        if (ShowsPersonalDataTo(userId)) return;
        EnsureRole(userId, StatementRole.Viewer); // a stranger hears that they are not a member, nothing more
        throw new ForbiddenException("Only the owners and editors of this statement see the e-mail addresses, the moderation queue and " +
            "the audit log.");
    }

    public StatementRole? RoleOf(string userId) => _members.FirstOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Asks someone, by e-mail, to draft with the owners. The link's token is kept only as a hash.</summary>
    public CollaboratorInvitation InviteCollaborator(string email, StatementRole role, string tokenHash, string userId,
        DateTimeOffset now)
    {
        EnsureOpenToDrafting();
        var invitation = CollaboratorInvitation.Create(Id, email, role, tokenHash, userId, now);
        Raise(new StatementEvents.CollaboratorInvited(Id, invitation.Id, invitation.Email, role, tokenHash, userId, now));
        return invitation;
    }

    public void AddMember(string userId, StatementRole role, string addedBy, DateTimeOffset now)
    {
        EnsureOpenToDrafting();
        if (RoleOf(userId) is not null) throw new ConflictException("You are already a member of this statement.");
        _members.Add(new StatementMember(Id, userId, role, now));
        UpdatedAt = now;
        Raise(new StatementEvents.CollaboratorAdded(Id, userId, role, addedBy, now));
    }

    public void ChangeRole(string userId, StatementRole role, string changedBy, DateTimeOffset now)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new NotFoundException("member");
        if (member.Role == role) return;
        if (member.Role == StatementRole.Owner) EnsureAnotherOwner(userId);
        var previous = member.Role;
        member.Role = role;
        UpdatedAt = now;
        Raise(new StatementEvents.CollaboratorRoleChanged(Id, userId, previous, role, changedBy, now));
    }

    public void RemoveMember(string userId, string removedBy, DateTimeOffset now)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId) ?? throw new NotFoundException("member");
        if (member.Role == StatementRole.Owner) EnsureAnotherOwner(userId);
        _members.Remove(member);
        UpdatedAt = now;
        Raise(new StatementEvents.CollaboratorRemoved(Id, userId, removedBy, now));
    }

    private void EnsureAnotherOwner(string userId)
    {
        if (!_members.Any(m => m.Role == StatementRole.Owner && m.UserId != userId))
            throw new ConflictException("A statement always keeps an owner: make someone else owner first.");
    }

    private void EnsureOpenToDrafting()
    {
        if (State == StatementState.Withdrawn) throw new ConflictException("The statement is withdrawn.");
    }

    /// <summary>Whether a new version becomes the one to sign, asking every standing signature to confirm it.</summary>
    public bool NewVersionIsToSign => State is StatementState.OpenForSignature or StatementState.Published;

    /// <summary>
    /// Saves a new version of the text. The client says which version it edited, so no edit is silently overwritten.
    /// Once the statement is open for signature the new version becomes the one to sign, and the caller must ask every
    /// standing signature to confirm it (<see cref="Endorsements.Signature.RequestReconfirmation"/>).
    /// </summary>
    public StatementVersion Revise(string title, string body, int baseVersion, string userId, DateTimeOffset now,
        string? changeNote = null, int? restoredFrom = null, string? creditedTo = null)
    {
        if (State is StatementState.Closed or StatementState.Withdrawn)
            throw new ConflictException($"The statement is {Describe(State)}; its text can no longer change.");
        if (baseVersion != LatestVersionNumber)
            throw new ConflictException(
                $"Version {baseVersion} is not the latest: version {LatestVersionNumber} was saved meanwhile. Merge your changes into it " +
                "and save again.",
                new Dictionary<string, object?> { ["latestVersion"] = LatestVersionNumber, ["baseVersion"] = baseVersion });

        LatestVersionNumber++;
        Title = title;
        UpdatedAt = now;
        var version = StatementVersion.Create(Id, LatestVersionNumber, title, body, userId, now, changeNote, restoredFrom, creditedTo);
        if (restoredFrom is { } restored) Raise(new StatementEvents.VersionRestored(Id, version.Number, restored, version.TextHash,
            userId, now));
        else Raise(new StatementEvents.DraftRevised(Id, version.Number, version.TextHash, userId, now));
        if (NewVersionIsToSign)
        {
            SignableVersionNumber = version.Number;
            SignableTranslations = []; // they translate the old text
            Raise(new StatementEvents.SignableTextChanged(Id, version.Number, version.TextHash, userId, now));
        }
        return version;
    }

    /// <param name="translations">The latest version of each translation: those of this text are frozen for signers to read.</param>
    public void OpenForSignature(StatementVersion latest, IEnumerable<Drafting.TranslationVersion> translations, string userId,
        DateTimeOffset now)
    {
        if (State != StatementState.Draft)
            throw new ConflictException($"The statement is {Describe(State)}; only a draft can be opened for signature.");
        if (latest.Number != LatestVersionNumber) throw new InvalidOperationException("Not the latest version.");

        State = StatementState.OpenForSignature;
        SignableVersionNumber = latest.Number;
        SignableTranslations = translations.Where(t => t.TranslatesVersion == latest.Number)
            .Select(t => new OfferedTranslation(t.Language, t.Number).ToString()).ToList();
        OpenedAt = now;
        UpdatedAt = now;
        Raise(new StatementEvents.OpenedForSignature(Id, latest.Number, latest.TextHash, userId, now));
    }

    /// <summary>Whether an invitation may be sent now: while drafting (to prepare a campaign) and while signatures are accepted.</summary>
    public void EnsureAcceptsInvitations()
    {
        EnsureNotAnArticle();
        if (State is StatementState.Closed or StatementState.Withdrawn
            || (State == StatementState.Published && !AllowsFurtherSignatories))
            throw new ConflictException($"The statement is {Describe(State)} and accepts no more signatories.");
    }

    /// <summary>
    /// While the statement is a draft, invitations are recorded but not sent: nobody is asked to sign a text that may
    /// still change. Opening it for signature sends each with a fresh link (<see cref="Invitation.SendHeld"/>).
    /// </summary>
    public bool HoldsInvitations => State == StatementState.Draft;

    /// <summary>Refuses to send (again) an invitation while invitations are held.</summary>
    public void EnsureSendsInvitations()
    {
        if (HoldsInvitations)
            throw new ConflictException("The statement is a draft: its invitations are held and each is e-mailed, with a link of its " +
                "own, when it opens for signature.");
    }

    /// <param name="ownDeadline">A deadline for this invitation only, later than the statement's.</param>
    /// <param name="linkHandedOver">The drafter receives the link too; refused on a draft, whose invitations get their links only when it
    /// opens.</param>
    public Invitation RequestEndorsement(
        Organisation organisation, OrganisationDetails invitedAs, string email, string language, string tokenHash,
        bool linkHandedOver, string userId, DateTimeOffset? ownDeadline,
        DateTimeOffset now, string? personalMessage = null)
    {
        EnsureAcceptsInvitations();
        EnsureFuture(ownDeadline, "deadline", now);
        if (ownDeadline is not null && SignatureDeadline is not null && ownDeadline < SignatureDeadline)
            throw new DomainRuleException("deadline", "An invitation's own deadline can only be later than the statement's.");
        if (HoldsInvitations && linkHandedOver)
            throw new ConflictException("The statement is a draft: its invitations are held and get their links when it opens for " +
                "signature. " +
                "Invite without handOverLink now, and ask for a link to hand over by sending a new link (handOverLink) once it is open.");
        var request = Invitation.Create(Id, organisation.Id, invitedAs, email, language, tokenHash, linkHandedOver, userId,
            ownDeadline, personalMessage, now);
        if (HoldsInvitations) Raise(new InvitationEvents.Held(Id, request.Id, organisation.Id, request.InvitedName, userId, now));
        else Raise(new InvitationEvents.Sent(Id, request.Id, organisation.Id, request.InvitedName, email, language, tokenHash,
            userId, now));
        UpdatedAt = now;
        return request;
    }

    /// <summary>
    /// Records a signature on the frozen version. Before publication it joins the initial list;
    /// after it, while further signatories are allowed, the subsequent one. List numbers never repeat or skip.
    /// </summary>
    /// <param name="shownAs">The organisation's names as this statement's drafters gave them, which the list shows.</param>
    public Signature Sign(
        Organisation organisation, OrganisationDetails shownAs, StatementVersion signedVersion, string? signerName, string? signerRole,
        Guid? invitationId, DateTimeOffset? signedAt, string? recordedBy, SignatureOrigin origin, DateTimeOffset now,
        IReadOnlyList<Drafting.TranslationVersion>? readable = null)
    {
        EnsureAcceptsSignatures();
        if (signedVersion.StatementId != Id || signedVersion.Number != SignableVersionNumber)
            throw new ConflictException("Only the version open for signature can be signed.");

        var phase = State == StatementState.Published ? SignaturePhase.Subsequent : SignaturePhase.Initial;
        SignatureCount++;
        UpdatedAt = now;
        var signature = Signature.Create(this, organisation.Id, shownAs, organisation.Country, signedVersion, signerName, signerRole,
            invitationId, SignatureCount, phase, signedAt, recordedBy, origin, now, readable ?? []);
        Raise(new SignatureEvents.Recorded(Id, signature.Id, invitationId, organisation.Id, signature.DisplayName,
            signature.Number, phase, signedVersion.Number, signedVersion.TextHash, signedAt, now));
        return signature;
    }

    private void EnsureNotAnArticle()
    {
        if (Kind == StatementKind.Article)
            throw new ConflictException("This statement is an article: it is written by its authors and signed by nobody.");
    }

    public bool AcceptsSignatures => Kind != StatementKind.Article && State == StatementState.OpenForSignature
        || (Kind != StatementKind.Article && State == StatementState.Published && AllowsFurtherSignatories);

    public void EnsureAcceptsSignatures()
    {
        EnsureNotAnArticle();
        switch (State)
        {
            case StatementState.OpenForSignature:
            case StatementState.Published when AllowsFurtherSignatories:
                return;
            case StatementState.Draft:
                throw new ConflictException("The statement is still a draft; it cannot be signed until its drafters open it for " +
                    "signature.");
            default:
                throw new ConflictException($"The statement is {Describe(State)} and accepts no more signatures.");
        }
    }

    /// <summary>Opens or closes the public sign-on form. Entries already made stay in the moderation queue either way.</summary>
    public void SetOpenSignOn(bool enabled, string userId, DateTimeOffset now)
    {
        if (enabled) EnsureAcceptsInvitations();
        if (AcceptsOpenSignOn == enabled) return;
        AcceptsOpenSignOn = enabled;
        UpdatedAt = now;
        Raise(new StatementEvents.OpenSignOnChanged(Id, enabled, userId, now));
    }

    /// <summary>Whether the public form takes entries now: open sign-on is on and the statement accepts signatures.</summary>
    public bool TakesOpenSignOns => AcceptsOpenSignOn && AcceptsSignatures;

    /// <summary>Sets (or, with null, removes) the deadline for signatures through invitations.</summary>
    public void SetSignatureDeadline(DateTimeOffset? deadline, string userId, DateTimeOffset now)
    {
        EnsureAcceptsInvitations();
        EnsureFuture(deadline, "deadline", now);
        SignatureDeadline = deadline;
        UpdatedAt = now;
        Raise(new StatementEvents.SignatureDeadlineSet(Id, deadline, userId, now));
    }

    private static void EnsureFuture(DateTimeOffset? instant, string field, DateTimeOffset now)
    {
        if (instant <= now) throw new DomainRuleException(field, "A deadline must lie in the future.");
    }

    /// <param name="asOf">The date the list is published "as of"; by default now. See <see cref="EnsurePublishableAsOf"/>.</param>
    /// <param name="dateUnknown">The statement was published on a date nobody knows (its source gives none): no date is shown, not
    /// today's.</param>
    public void Publish(string userId, DateTimeOffset? asOf, DateTimeOffset now, bool dateUnknown = false)
    {
        if (dateUnknown && asOf is not null)
            throw new DomainRuleException("asOf", "A publication date cannot be both given and unknown.");
        if (State != StatementState.OpenForSignature)
            throw new ConflictException($"The statement is {Describe(State)}; only a statement open for signature can be published.");
        EnsurePublishableAsOf(asOf, now, dateUnknown);

        State = StatementState.Published;
        PublishedAt = now;
        PublicationDate = dateUnknown ? null : asOf ?? now;
        UpdatedAt = now;
        Raise(new StatementEvents.Published(Id, Slug, SignableVersionNumber!.Value, SignatureCount, PublicationDate, now));
    }

    /// <summary>
    /// The "as of" date a list may carry: not in the future, and not before the statement opened for signature (the
    /// list cannot be older than the signing). A statement taken from a published source is the exception: its list was
    /// gathered before it reached Workflow, on the source's date, which may also be unknown; one gathered here has a known date.
    /// </summary>
    public void EnsurePublishableAsOf(DateTimeOffset? asOf, DateTimeOffset now, bool dateUnknown)
    {
        if (asOf > now)
            throw new DomainRuleException("asOf", "A list cannot be published as of a date in the future.");
        if (Source is not null) return;
        if (asOf < OpenedAt)
            throw new DomainRuleException("asOf", "A list cannot be published as of a date before the statement opened for signature.");
        if (dateUnknown)
            throw new DomainRuleException("asOfUnknown", "Only a statement taken from a published source can have an unknown publication " +
                "date; one signed here is published as of a known date.");
    }

    public void Close(string userId, DateTimeOffset now)
    {
        if (State != StatementState.Published)
            throw new ConflictException($"The statement is {Describe(State)}; only a published statement can be closed.");
        State = StatementState.Closed;
        ClosedAt = now;
        UpdatedAt = now;
        Raise(new StatementEvents.Closed(Id, userId, now));
    }

    public void Withdraw(string userId, DateTimeOffset now)
    {
        if (State == StatementState.Withdrawn)
            throw new ConflictException("The statement is already withdrawn.");
        State = StatementState.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
        Raise(new StatementEvents.Withdrawn(Id, userId, now));
    }

    private static string Describe(StatementState state) => state switch
    {
        StatementState.Draft => "a draft",
        StatementState.OpenForSignature => "open for signature",
        StatementState.Published => "published",
        StatementState.Closed => "closed",
        StatementState.Withdrawn => "withdrawn",
        _ => state.ToString(),
    };
}

/// <summary>What a member may do, each role including the ones before it: read; comment and propose amendments; edit the text; run the
/// statement.</summary>
public enum StatementRole { Viewer, Commenter, Editor, Owner }

/// <summary>
/// Who sees the personal data a statement gathers: the e-mail addresses of the organisations invited to sign, of the
/// people asked to co-draft and of those who signed on through the public form, the moderation queue and the audit
/// log. Owners and editors do; viewers and commenters see the statement, its versions, comments, counts and the
/// public facts of its signatures. The co-drafters' own addresses are how members name one another, and every member sees them.
/// </summary>
public static class PersonalData
{
    public const StatementRole SeenFrom = StatementRole.Editor;

    public static bool IsSeenBy(StatementRole? role) => role >= SeenFrom;

    /// <summary>The roles that see personal data, for queries (roles are stored by name).</summary>
    public static readonly StatementRole[] SeenByRoles = [.. Enum.GetValues<StatementRole>().Where(r => IsSeenBy(r))];
}

/// <summary>A person who drafts a statement, and their role on it.</summary>
public sealed class StatementMember
{
    private StatementMember() { }

    internal StatementMember(Guid statementId, string userId, StatementRole role, DateTimeOffset now)
    {
        StatementId = statementId;
        UserId = userId;
        Role = role;
        AddedAt = now;
    }

    public Guid StatementId { get; private set; }
    public string UserId { get; private set; } = "";
    public StatementRole Role { get; internal set; }
    public DateTimeOffset AddedAt { get; private set; }
}
