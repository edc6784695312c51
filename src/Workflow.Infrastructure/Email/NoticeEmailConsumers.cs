using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflow.Contracts;
using Workflow.Core.Data;
using Workflow.Infrastructure.Messaging;
using static Workflow.Core.Common.SingleLineText;

namespace Workflow.Infrastructure.Email;

/// <summary>Tells a signatory that the drafters took its signature off the list, and why.</summary>
public sealed class InvalidationNoticeConsumer(WorkflowDb db, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider clock)
    : IConsumer<SignatureInvalidated>
{
    public const string Name = "invalidation-notice-email";

    public async Task Consume(ConsumeContext<SignatureInvalidated> context)
    {
        if (await context.FirstDeliveryAsync(db, Name) is not { } messageId) return;

        var invalidated = context.Message;
        var ct = context.CancellationToken;
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == invalidated.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invalidated.OrganisationId, ct);
        var email = await (
            from s in db.Signatures
            join r in db.EndorsementRequests on s.EndorsementRequestId equals r.Id
            where s.Id == invalidated.SignatureId
            select r.Email).SingleOrDefaultAsync(ct);

        var (organisationName, title) = (Flatten(organisation.Name), Flatten(statement.Title));
        // A signature recorded by a drafter has no address to write to; the drafters who recorded it know.
        var messages = email is null ? [] : new[]
        {
            EmailOnce.PlainText(options.Value.From, new MailboxAddress(organisationName, email),
                $"Your signature was removed from: {title}",
                $"""
                Dear {organisationName},

                The drafters of "{title}" have removed your organisation's signature (number {invalidated.Number}) from the list.
                Reason: {Describe(invalidated.Reason)}{(invalidated.Note is null ? "" : $"\n\n{invalidated.Note}")}

                If this is a mistake, please reply to the drafters who invited you.

                -- 
                Workflow
                """),
        };
        await sender.SendOnceAsync(db, messageId, Name, messages, clock.GetUtcNow(), ct);
    }

    private static string Describe(string reason) => reason switch
    {
        "NotGenuine" => "the signature does not appear to be genuine.",
        "SignedByMistake" => "the signature was made by mistake.",
        "Duplicate" => "the signature duplicates another one on the list.",
        _ => reason,
    };
}
