IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NULL,
        [EventType] nvarchar(200) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [Organisations] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [NameEnglish] nvarchar(300) NULL,
        [Acronym] nvarchar(40) NULL,
        [Country] nchar(2) NULL,
        [Website] nvarchar(600) NULL,
        [ContactEmails] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(450) NULL,
        [NameKey] nvarchar(600) NOT NULL,
        [NameEnglishKey] nvarchar(600) NOT NULL,
        [AcronymKey] nvarchar(80) NOT NULL,
        [WebDomain] nvarchar(253) NULL,
        [FormerNameKeys] nvarchar(max) NOT NULL,
        [MergedIntoId] uniqueidentifier NULL,
        [MergedAt] datetimeoffset NULL,
        [MergedBy] nvarchar(450) NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_Organisations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Organisations_Organisations_MergedIntoId] FOREIGN KEY ([MergedIntoId]) REFERENCES [Organisations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Sequence] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [Type] nvarchar(200) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [SentAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(2000) NULL,
        [ParkedAt] datetimeoffset NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [ProcessedMessages] (
        [MessageId] uniqueidentifier NOT NULL,
        [Consumer] nvarchar(200) NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ProcessedMessages] PRIMARY KEY ([MessageId], [Consumer])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [Statements] (
        [Id] uniqueidentifier NOT NULL,
        [Slug] nvarchar(100) NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Language] nvarchar(35) NOT NULL,
        [AllowsFurtherSignatories] bit NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [LatestVersionNumber] int NOT NULL,
        [SignableVersionNumber] int NULL,
        [SignatureCount] int NOT NULL,
        [CreatedBy] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [OpenedAt] datetimeoffset NULL,
        [PublishedAt] datetimeoffset NULL,
        [ClosedAt] datetimeoffset NULL,
        [WithdrawnAt] datetimeoffset NULL,
        [SignatureDeadline] datetimeoffset NULL,
        [SignableTranslations] nvarchar(max) NOT NULL,
        [InitiatorIds] nvarchar(max) NOT NULL,
        [AcceptsOpenSignOn] bit NOT NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_Statements] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [Amendments] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [BaseVersionNumber] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Paragraph] int NOT NULL,
        [OriginalText] nvarchar(max) NULL,
        [Text] nvarchar(max) NULL,
        [Rationale] nvarchar(2000) NULL,
        [ProposedBy] nvarchar(450) NOT NULL,
        [ProposedAt] datetimeoffset NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [DecidedBy] nvarchar(450) NULL,
        [DecidedAt] datetimeoffset NULL,
        [RejectionReason] nvarchar(2000) NULL,
        [ResultingVersionNumber] int NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_Amendments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Amendments_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [ChainEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [StatementId] uniqueidentifier NOT NULL,
        [Position] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [SignatureId] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [TextHash] nchar(64) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [PreviousHash] nchar(64) NOT NULL,
        [Hash] nchar(64) NOT NULL,
        CONSTRAINT [PK_ChainEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainEntries_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [CollaboratorInvitations] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [TokenHash] nchar(64) NOT NULL,
        [InvitedBy] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [AcceptedAt] datetimeoffset NULL,
        [AcceptedBy] nvarchar(450) NULL,
        [RevokedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CollaboratorInvitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CollaboratorInvitations_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [Comments] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [VersionNumber] int NOT NULL,
        [Paragraph] int NOT NULL,
        [ParentId] uniqueidentifier NULL,
        [AuthorId] nvarchar(450) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ResolvedAt] datetimeoffset NULL,
        [ResolvedBy] nvarchar(450) NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_Comments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Comments_Comments_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Comments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Comments_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [EndorsementRequests] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [InvitedName] nvarchar(300) NOT NULL,
        [InvitedNameEnglish] nvarchar(300) NULL,
        [InvitedAcronym] nvarchar(40) NULL,
        [Language] nvarchar(8) NOT NULL,
        [TokenHash] nchar(64) NOT NULL,
        [State] nvarchar(20) NOT NULL,
        [RequestedBy] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [AnsweredAt] datetimeoffset NULL,
        [DeclineReason] nvarchar(2000) NULL,
        [SignatureId] uniqueidentifier NULL,
        [OwnDeadline] datetimeoffset NULL,
        [SentAt] datetimeoffset NULL,
        [DeliveryFailedAt] datetimeoffset NULL,
        [DeliveryError] nvarchar(max) NULL,
        [OpenedAt] datetimeoffset NULL,
        [RemindersSent] int NOT NULL,
        [LastReminderAt] datetimeoffset NULL,
        [ExpiredAt] datetimeoffset NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_EndorsementRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EndorsementRequests_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_EndorsementRequests_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [StatementMember] (
        [StatementId] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_StatementMember] PRIMARY KEY ([StatementId], [UserId]),
        CONSTRAINT [FK_StatementMember_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [StatementVersions] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [TextHash] nchar(64) NOT NULL,
        [AuthorId] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ChangeNote] nvarchar(500) NULL,
        [RestoredFrom] int NULL,
        [CreditedTo] nvarchar(450) NULL,
        CONSTRAINT [PK_StatementVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StatementVersions_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [TranslationVersions] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [Language] nvarchar(35) NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [TextHash] nchar(64) NOT NULL,
        [TranslatesVersion] int NOT NULL,
        [AuthorId] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ChangeNote] nvarchar(500) NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_TranslationVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TranslationVersions_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [Signatures] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [OrganisationId] uniqueidentifier NOT NULL,
        [EndorsementRequestId] uniqueidentifier NULL,
        [VersionId] uniqueidentifier NOT NULL,
        [VersionNumber] int NOT NULL,
        [TextHash] nchar(64) NOT NULL,
        [SignerName] nvarchar(200) NULL,
        [SignerRole] nvarchar(200) NULL,
        [Number] int NOT NULL,
        [Phase] nvarchar(20) NOT NULL,
        [SignedAt] datetimeoffset NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [RecordedBy] nvarchar(450) NULL,
        [Status] nvarchar(20) NOT NULL,
        [EndedAt] datetimeoffset NULL,
        [EndedBy] nvarchar(450) NULL,
        [InvalidationReason] nvarchar(30) NULL,
        [EndNote] nvarchar(2000) NULL,
        [DisplayName] nvarchar(300) NULL,
        [DisplayNameEnglish] nvarchar(300) NULL,
        [DisplayAcronym] nvarchar(40) NULL,
        [ConfirmedVersionNumber] int NOT NULL,
        [ConfirmedTextHash] nvarchar(max) NOT NULL,
        [ReconfirmedAt] datetimeoffset NULL,
        [ChainPosition] int NULL,
        [ChainHash] nchar(64) NULL,
        [TranslationSet] nvarchar(max) NOT NULL,
        [ReconfirmationRequestedAt] datetimeoffset NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_Signatures] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Signatures_EndorsementRequests_EndorsementRequestId] FOREIGN KEY ([EndorsementRequestId]) REFERENCES [EndorsementRequests] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Signatures_Organisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [Organisations] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Signatures_StatementVersions_VersionId] FOREIGN KEY ([VersionId]) REFERENCES [StatementVersions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Signatures_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE TABLE [SignOnEntries] (
        [Id] uniqueidentifier NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [Name] nvarchar(300) NOT NULL,
        [NameEnglish] nvarchar(300) NULL,
        [Acronym] nvarchar(40) NULL,
        [Country] nchar(2) NULL,
        [Website] nvarchar(600) NULL,
        [Email] nvarchar(254) NOT NULL,
        [EmailDomain] nvarchar(254) NOT NULL,
        [Language] nvarchar(8) NOT NULL,
        [SignerName] nvarchar(200) NOT NULL,
        [SignerRole] nvarchar(200) NULL,
        [VersionNumber] int NOT NULL,
        [TextHash] nchar(64) NOT NULL,
        [ConfirmationTokenHash] nchar(64) NOT NULL,
        [State] nvarchar(30) NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [ConfirmBy] datetimeoffset NOT NULL,
        [ConfirmedAt] datetimeoffset NULL,
        [ModeratedAt] datetimeoffset NULL,
        [ModeratedBy] nvarchar(450) NULL,
        [RejectionReason] nvarchar(2000) NULL,
        [SignatureId] uniqueidentifier NULL,
        [ConcurrencyStamp] int NOT NULL,
        CONSTRAINT [PK_SignOnEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SignOnEntries_Signatures_SignatureId] FOREIGN KEY ([SignatureId]) REFERENCES [Signatures] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SignOnEntries_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Amendments_StatementId] ON [Amendments] ([StatementId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_MessageId] ON [AuditEntries] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_StatementId_OccurredAt_Id] ON [AuditEntries] ([StatementId], [OccurredAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_ChainEntries_SignatureId] ON [ChainEntries] ([SignatureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChainEntries_StatementId_Position] ON [ChainEntries] ([StatementId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_CollaboratorInvitations_StatementId] ON [CollaboratorInvitations] ([StatementId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CollaboratorInvitations_TokenHash] ON [CollaboratorInvitations] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Comments_ParentId] ON [Comments] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Comments_StatementId_VersionNumber] ON [Comments] ([StatementId], [VersionNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_EndorsementRequests_OrganisationId] ON [EndorsementRequests] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_EndorsementRequests_StatementId_OrganisationId] ON [EndorsementRequests] ([StatementId], [OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EndorsementRequests_TokenHash] ON [EndorsementRequests] ([TokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_AcronymKey_Country] ON [Organisations] ([AcronymKey], [Country]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_MergedIntoId] ON [Organisations] ([MergedIntoId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_Name] ON [Organisations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_NameEnglishKey] ON [Organisations] ([NameEnglishKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_NameKey] ON [Organisations] ([NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Organisations_WebDomain] ON [Organisations] ([WebDomain]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_SentAt_ParkedAt_Sequence] ON [OutboxMessages] ([SentAt], [ParkedAt], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Signatures_EndorsementRequestId] ON [Signatures] ([EndorsementRequestId]) WHERE [EndorsementRequestId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Signatures_OrganisationId] ON [Signatures] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Signatures_StatementId_Number] ON [Signatures] ([StatementId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Signatures_StatementId_OrganisationId] ON [Signatures] ([StatementId], [OrganisationId]) WHERE [Status] = N''Active''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Signatures_VersionId] ON [Signatures] ([VersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SignOnEntries_ConfirmationTokenHash] ON [SignOnEntries] ([ConfirmationTokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_SignOnEntries_SignatureId] ON [SignOnEntries] ([SignatureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_SignOnEntries_StatementId_EmailDomain_SubmittedAt] ON [SignOnEntries] ([StatementId], [EmailDomain], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_SignOnEntries_StatementId_State] ON [SignOnEntries] ([StatementId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_StatementMember_UserId] ON [StatementMember] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Statements_Slug] ON [Statements] ([Slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE INDEX [IX_Statements_State_PublishedAt] ON [Statements] ([State], [PublishedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StatementVersions_StatementId_Number] ON [StatementVersions] ([StatementId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TranslationVersions_StatementId_Language_Number] ON [TranslationVersions] ([StatementId], [Language], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125065203_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125065203_Initial', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    DROP TABLE [ChainEntries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Signatures]') AND [c].[name] = N'ChainHash');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Signatures] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Signatures] DROP COLUMN [ChainHash];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    EXEC sp_rename N'[Signatures].[ChainPosition]', N'LogIndex', 'COLUMN';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [DisplayCountry] nvarchar(2) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [Provenance] nvarchar(30) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [ProvenanceEmailDomain] nvarchar(254) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [ProvenanceNote] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [ProvenanceSource] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [Signatures] ADD [ReconfirmedBy] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    ALTER TABLE [EndorsementRequests] ADD [LinkHandedOver] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    CREATE TABLE [LogEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [StatementId] uniqueidentifier NOT NULL,
        [Index] int NOT NULL,
        [Type] nvarchar(20) NOT NULL,
        [SignatureId] uniqueidentifier NULL,
        [Entry] nvarchar(max) NOT NULL,
        [LeafHash] nchar(64) NOT NULL,
        [Frontier] nvarchar(max) NOT NULL,
        [Head] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_LogEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LogEntries_Statements_StatementId] FOREIGN KEY ([StatementId]) REFERENCES [Statements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    CREATE INDEX [IX_LogEntries_SignatureId] ON [LogEntries] ([SignatureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LogEntries_StatementId_Index] ON [LogEntries] ([StatementId], [Index]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    EXEC(N'UPDATE [Signatures] SET [Provenance] = CASE WHEN [RecordedBy] IS NOT NULL THEN ''RecordedByDrafters'' WHEN [EndorsementRequestId] IS NOT NULL THEN ''InvitationLink'' ELSE ''SignOn'' END;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    EXEC(N'UPDATE [Signatures] SET [DisplayCountry] = (SELECT o.[Country] FROM [Organisations] o WHERE o.[Id] = [Signatures].[OrganisationId]);');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201195643_SignatoryLog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201195643_SignatoryLog', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Signatures] ADD [InvitedAcronym] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Signatures] ADD [InvitedName] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Signatures] ADD [InvitedNameEnglish] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Organisations] ADD [AcronymSkeleton] nvarchar(80) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Organisations] ADD [KeysVersion] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Organisations] ADD [NameEnglishSkeleton] nvarchar(600) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    ALTER TABLE [Organisations] ADD [NameSkeleton] nvarchar(600) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    CREATE INDEX [IX_Organisations_AcronymSkeleton_Country] ON [Organisations] ([AcronymSkeleton], [Country]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    CREATE INDEX [IX_Organisations_KeysVersion] ON [Organisations] ([KeysVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    CREATE INDEX [IX_Organisations_NameEnglishSkeleton] ON [Organisations] ([NameEnglishSkeleton]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    CREATE INDEX [IX_Organisations_NameSkeleton] ON [Organisations] ([NameSkeleton]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201204311_NameMatching'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201204311_NameMatching', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [IssuedBy] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [Kind] nvarchar(20) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [ListIsPartial] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [ListNote] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [PublicationDate] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    EXEC(N'UPDATE [Statements] SET [PublicationDate] = [PublishedAt] WHERE [PublishedAt] IS NOT NULL;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [SourceAccessedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [SourcePublisher] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [SourceTitle] nvarchar(300) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    ALTER TABLE [Statements] ADD [SourceUrl] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Signatures]') AND [c].[name] = N'SignedAt');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [Signatures] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [Signatures] ALTER COLUMN [SignedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201205921_SeedsFaithful'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201205921_SeedsFaithful', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201222838_SharedLimits'
)
BEGIN
    CREATE TABLE [LimitCounters] (
        [Rule] nvarchar(100) NOT NULL,
        [PartitionHash] nvarchar(64) NOT NULL,
        [Hits] int NOT NULL,
        [ExpiresAt] bigint NOT NULL,
        CONSTRAINT [PK_LimitCounters] PRIMARY KEY ([Rule], [PartitionHash])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201222838_SharedLimits'
)
BEGIN
    CREATE INDEX [IX_LimitCounters_ExpiresAt] ON [LimitCounters] ([ExpiresAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201222838_SharedLimits'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201222838_SharedLimits', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202014726_DrafterNotifications'
)
BEGIN
    CREATE TABLE [NotificationSettings] (
        [UserId] nvarchar(450) NOT NULL,
        [Delivery] nvarchar(20) NOT NULL,
        [Language] nvarchar(10) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_NotificationSettings] PRIMARY KEY ([UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202014726_DrafterNotifications'
)
BEGIN
    CREATE TABLE [PendingDigestItems] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [StatementId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [StatementTitle] nvarchar(300) NOT NULL,
        [OrganisationName] nvarchar(1000) NULL,
        [Detail] nvarchar(max) NULL,
        [Deadline] datetimeoffset NULL,
        [Count] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PendingDigestItems] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202014726_DrafterNotifications'
)
BEGIN
    CREATE INDEX [IX_PendingDigestItems_UserId_OccurredAt] ON [PendingDigestItems] ([UserId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202014726_DrafterNotifications'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202014726_DrafterNotifications', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202015341_RetiredLinks'
)
BEGIN
    CREATE TABLE [RetiredLinks] (
        [TokenHash] nchar(64) NOT NULL,
        [EndorsementRequestId] uniqueidentifier NULL,
        [SignOnEntryId] uniqueidentifier NULL,
        [RetiredAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RetiredLinks] PRIMARY KEY ([TokenHash])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202015341_RetiredLinks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202015341_RetiredLinks', N'10.0.5');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202015956_InvitationPersonalMessage'
)
BEGIN
    ALTER TABLE [EndorsementRequests] ADD [PersonalMessage] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202015956_InvitationPersonalMessage'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202015956_InvitationPersonalMessage', N'10.0.5');
END;

COMMIT;
GO

