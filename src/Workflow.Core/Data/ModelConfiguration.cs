using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Core.Audit;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Data;

// Mappings for every provider: nothing here depends on one database's behaviour.
// Enums are stored as text so that the data reads the same from any SQL client.

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Slug).HasMaxLength(100);
        b.Property(s => s.Title).HasMaxLength(Statement.TitleMaxLength);
        b.Property(s => s.Language).HasMaxLength(35);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.CreatedBy).HasMaxLength(450);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(s => new { s.State, s.PublishedAt });
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.IssuedBy).HasMaxLength(PublicationDetails.IssuedByMaxLength);
        b.Property(s => s.ListNote).HasMaxLength(PublicationDetails.ListNoteMaxLength);
        b.Property(s => s.SourceTitle).HasMaxLength(StatementSource.TitleMaxLength);
        b.Property(s => s.SourcePublisher).HasMaxLength(StatementSource.PublisherMaxLength);
        b.Property(s => s.SourceUrl).HasMaxLength(StatementSource.UrlMaxLength);
        b.Ignore(s => s.Source);
        b.Ignore(s => s.PublicationDetails);
        b.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.StatementId);
        b.Navigation(s => s.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StatementMemberConfiguration : IEntityTypeConfiguration<StatementMember>
{
    public void Configure(EntityTypeBuilder<StatementMember> b)
    {
        b.HasKey(m => new { m.StatementId, m.UserId });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class StatementVersionConfiguration : IEntityTypeConfiguration<StatementVersion>
{
    public void Configure(EntityTypeBuilder<StatementVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.StatementId, v.Number }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(Statement.TitleMaxLength);
        b.Property(v => v.TextHash).HasMaxLength(64).IsFixedLength();
        b.Property(v => v.AuthorId).HasMaxLength(450);
        b.Property(v => v.CreditedTo).HasMaxLength(450);
        b.Property(v => v.ChangeNote).HasMaxLength(StatementVersion.ChangeNoteMaxLength);
        b.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        b.Property(o => o.NameEnglish).HasMaxLength(Organisation.NameMaxLength);
        b.Property(o => o.Acronym).HasMaxLength(Organisation.AcronymMaxLength);
        b.Property(o => o.Country).HasMaxLength(2).IsFixedLength();
        b.HasIndex(o => o.Name);
        b.Property(o => o.NameKey).HasMaxLength(Organisation.NameMaxLength * 2);
        b.Property(o => o.NameEnglishKey).HasMaxLength(Organisation.NameMaxLength * 2);
        b.HasIndex(o => o.NameKey);
        b.HasIndex(o => o.NameEnglishKey);
        b.Property(o => o.NameSkeleton).HasMaxLength(NameKey.MaxLength);
        b.Property(o => o.NameEnglishSkeleton).HasMaxLength(NameKey.MaxLength);
        b.HasIndex(o => o.NameSkeleton);
        b.HasIndex(o => o.NameEnglishSkeleton);
        b.Property(o => o.AcronymKey).HasMaxLength(Organisation.AcronymMaxLength * 2);
        b.Property(o => o.AcronymSkeleton).HasMaxLength(NameKey.AcronymMaxLength);
        b.HasIndex(o => new { o.AcronymSkeleton, o.Country });
        b.HasIndex(o => o.KeysVersion);
        b.HasIndex(o => new { o.AcronymKey, o.Country });
        b.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMaxLength * 2);
        b.Property(o => o.WebDomain).HasMaxLength(253);
        b.HasIndex(o => o.WebDomain);
        b.Property(o => o.CreatedBy).HasMaxLength(450);
        b.Property(o => o.MergedBy).HasMaxLength(450);
        b.HasIndex(o => o.MergedIntoId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        // The code's name for what every route, page and message calls an invitation; the table keeps its first name, so
        // deployments and their scripts need no migration for the new word.
        b.ToTable("EndorsementRequests");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.Property(r => r.TokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Email).HasMaxLength(Invitation.EmailMaxLength);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.InvitedName).HasMaxLength(Organisation.NameMaxLength);
        b.Property(r => r.InvitedNameEnglish).HasMaxLength(Organisation.NameMaxLength);
        b.Property(r => r.InvitedAcronym).HasMaxLength(Organisation.AcronymMaxLength);
        b.Ignore(r => r.InvitedAs);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.RequestedBy).HasMaxLength(450);
        b.Property(r => r.DeclineReason).HasMaxLength(Invitation.ReasonMaxLength);
        b.Property(r => r.PersonalMessage).HasMaxLength(Invitation.PersonalMessageMaxLength);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(r => new { r.StatementId, r.OrganisationId });
        b.HasOne<Statement>().WithMany().HasForeignKey(r => r.StatementId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
    }
}

internal sealed class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> b)
    {
        b.HasKey(s => s.Id);
        // The list's numbering and "one standing signature per organisation per statement" are enforced by the
        // database too. A withdrawn or invalidated signature stays in the history and does not stop a new one.
        // The filter is written so that SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER on) all read it.
        b.HasIndex(s => new { s.StatementId, s.Number }).IsUnique();
        b.Property(s => s.InvitationId).HasColumnName("EndorsementRequestId");
        b.HasIndex(s => s.InvitationId).IsUnique();
        b.Property(s => s.TextHash).HasMaxLength(64).IsFixedLength();
        b.Property(s => s.SignerName).HasMaxLength(Signature.SignerNameMaxLength);
        b.Property(s => s.SignerRole).HasMaxLength(Signature.SignerRoleMaxLength);
        b.Property(s => s.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.RecordedBy).HasMaxLength(450);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.InvalidationReason).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.EndedBy).HasMaxLength(450);
        b.Property(s => s.EndNote).HasMaxLength(Signature.NoteMaxLength);
        // Never null; the column stays nullable as it was created, so no migration is owed for the tightening.
        b.Property(s => s.DisplayName).HasMaxLength(Organisations.Organisation.NameMaxLength).IsRequired(false);
        b.Property(s => s.DisplayNameEnglish).HasMaxLength(Organisations.Organisation.NameMaxLength);
        b.Property(s => s.DisplayAcronym).HasMaxLength(Organisations.Organisation.AcronymMaxLength);
        b.Ignore(s => s.LatestLogEntry);
        b.Property(s => s.Provenance).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.ProvenanceEmailDomain).HasMaxLength(Invitation.EmailMaxLength);
        b.Property(s => s.ProvenanceNote).HasMaxLength(Signature.ProvenanceNoteMaxLength);
        b.Property(s => s.ProvenanceSource).HasMaxLength(Signature.ProvenanceSourceMaxLength);
        b.Property(s => s.DisplayCountry).HasMaxLength(2);
        b.Property(s => s.ReconfirmedBy).HasMaxLength(450);
        b.Property(s => s.InvitedName).HasMaxLength(Organisations.Organisation.NameMaxLength);
        b.Property(s => s.InvitedNameEnglish).HasMaxLength(Organisations.Organisation.NameMaxLength);
        b.Property(s => s.InvitedAcronym).HasMaxLength(Organisations.Organisation.AcronymMaxLength);
        b.Ignore(s => s.NameCorrectedBySignatory);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Statement>().WithMany().HasForeignKey(s => s.StatementId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId);
        b.HasOne<StatementVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invitation>().WithMany().HasForeignKey(s => s.InvitationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RetiredLinkConfiguration : IEntityTypeConfiguration<RetiredLink>
{
    public void Configure(EntityTypeBuilder<RetiredLink> b)
    {
        b.HasKey(l => l.TokenHash);
        b.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(l => l.InvitationId).HasColumnName("EndorsementRequestId");
    }
}

internal sealed class SignOnEntryConfiguration : IEntityTypeConfiguration<Endorsements.SignOnEntry>
{
    public void Configure(EntityTypeBuilder<Endorsements.SignOnEntry> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.ConfirmationTokenHash).IsUnique();
        b.Property(e => e.ConfirmationTokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.TextHash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Name).HasMaxLength(Organisation.NameMaxLength);
        b.Property(e => e.NameEnglish).HasMaxLength(Organisation.NameMaxLength);
        b.Property(e => e.Acronym).HasMaxLength(Organisation.AcronymMaxLength);
        b.Property(e => e.Country).HasMaxLength(2).IsFixedLength();
        b.Property(e => e.Website).HasMaxLength(Organisation.WebsiteMaxLength * 2);
        b.Property(e => e.Email).HasMaxLength(Invitation.EmailMaxLength);
        b.Property(e => e.EmailDomain).HasMaxLength(Invitation.EmailMaxLength);
        b.Property(e => e.Language).HasMaxLength(8);
        b.Property(e => e.SignerName).HasMaxLength(Signature.SignerNameMaxLength);
        b.Property(e => e.SignerRole).HasMaxLength(Signature.SignerRoleMaxLength);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ModeratedBy).HasMaxLength(450);
        b.Property(e => e.RejectionReason).HasMaxLength(Endorsements.SignOnEntry.ReasonMaxLength);
        b.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(e => e.Organisation);
        b.HasIndex(e => new { e.StatementId, e.State });
        b.HasIndex(e => new { e.StatementId, e.EmailDomain, e.SubmittedAt });
        b.HasOne<Statement>().WithMany().HasForeignKey(e => e.StatementId);
        b.HasOne<Signature>().WithMany().HasForeignKey(e => e.SignatureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CollaboratorInvitationConfiguration : IEntityTypeConfiguration<Drafting.CollaboratorInvitation>
{
    public void Configure(EntityTypeBuilder<Drafting.CollaboratorInvitation> b)
    {
        b.HasKey(i => i.Id);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        b.Property(i => i.Email).HasMaxLength(Drafting.CollaboratorInvitation.EmailMaxLength);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.InvitedBy).HasMaxLength(450);
        b.Property(i => i.AcceptedBy).HasMaxLength(450);
        b.HasIndex(i => i.StatementId);
        b.HasOne<Statement>().WithMany().HasForeignKey(i => i.StatementId);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Drafting.Comment>
{
    public void Configure(EntityTypeBuilder<Drafting.Comment> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.AuthorId).HasMaxLength(450);
        b.Property(c => c.ResolvedBy).HasMaxLength(450);
        b.Property(c => c.Body).HasMaxLength(Drafting.Comment.BodyMaxLength);
        b.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(c => new { c.StatementId, c.VersionNumber });
        b.HasOne<Statement>().WithMany().HasForeignKey(c => c.StatementId);
        b.HasOne<Drafting.Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Drafting.Amendment>
{
    public void Configure(EntityTypeBuilder<Drafting.Amendment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.OriginalText).HasMaxLength(Statement.BodyMaxBytes);
        b.Property(a => a.Text).HasMaxLength(Drafting.Amendment.TextMaxLength);
        b.Property(a => a.Rationale).HasMaxLength(Drafting.Amendment.RationaleMaxLength);
        b.Property(a => a.RejectionReason).HasMaxLength(Drafting.Amendment.RationaleMaxLength);
        b.Property(a => a.ProposedBy).HasMaxLength(450);
        b.Property(a => a.DecidedBy).HasMaxLength(450);
        b.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(a => a.StatementId);
        b.HasOne<Statement>().WithMany().HasForeignKey(a => a.StatementId);
    }
}

internal sealed class TranslationVersionConfiguration : IEntityTypeConfiguration<Drafting.TranslationVersion>
{
    public void Configure(EntityTypeBuilder<Drafting.TranslationVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.StatementId, v.Language, v.Number }).IsUnique();
        b.Property(v => v.Language).HasMaxLength(35);
        b.Property(v => v.Title).HasMaxLength(Statement.TitleMaxLength);
        b.Property(v => v.TextHash).HasMaxLength(64).IsFixedLength();
        b.Property(v => v.AuthorId).HasMaxLength(450);
        b.Property(v => v.ChangeNote).HasMaxLength(StatementVersion.ChangeNoteMaxLength);
        b.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId);
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<Publishing.LogEntry>
{
    public void Configure(EntityTypeBuilder<Publishing.LogEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        // One entry per index: two saves appending at once cannot both succeed.
        b.HasIndex(e => new { e.StatementId, e.Index }).IsUnique();
        b.HasIndex(e => e.SignatureId);
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.LeafHash).HasMaxLength(64).IsFixedLength();
        b.Ignore(e => e.TreeHead);
        b.HasOne<Statement>().WithMany().HasForeignKey(e => e.StatementId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(m => m.Sequence);
        b.Property(m => m.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.SentAt, m.ParkedAt, m.Sequence });
        b.Property(m => m.Type).HasMaxLength(200);
        b.Property(m => m.LastError).HasMaxLength(2000);
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> b)
    {
        b.HasKey(m => new { m.MessageId, m.Consumer });
        b.Property(m => m.Consumer).HasMaxLength(200);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.HasIndex(a => new { a.StatementId, a.OccurredAt, a.Id });
        b.HasIndex(a => a.MessageId);
        b.Property(a => a.EventType).HasMaxLength(200);
    }
}
