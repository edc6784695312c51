using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>
/// Appends to the statements' signatory logs whatever a save changes of what the public sees: the text open for signature,
/// the publication, and every public fact of every signature. It looks at the rows being saved, not at which use case runs,
/// so no operation — a merge of directory records included — can change a listed fact without an entry.
/// </summary>
internal static class SignatoryLogWriter
{
    private static readonly string[] EntryFields = ["v", "statement", "index", "at", "type", "change"];

    internal sealed record Pending(Guid StatementId, LogEntryType Type, Signature? Signature, string Change, Statement? Statement,
        IDomainEvent? Event, DateTimeOffset At);

    /// <summary>What this save would append, in the order the changes were raised; signatures changed without an event last.</summary>
    /// <param name="now">The time of a save that raised no event (the database context's clock).</param>
    public static List<Pending> Collect(ChangeTracker tracker, DateTimeOffset now)
    {
        // A row whose only change is where its latest entry stands has nothing new to say.
        var signatures = tracker.Entries<Signature>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified
                    && p.Metadata.Name != nameof(Signature.LogIndex))))
            .ToDictionary(e => e.Entity.Id, e => e);
        var pending = new List<Pending>();
        var described = new HashSet<Guid>();
        foreach (var root in tracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList())
        {
            foreach (var raised in root.PendingEvents)
            {
                switch (raised)
                {
                    case StatementEvents.OpenedForSignature or StatementEvents.SignableTextChanged when root is Statement statement:
                        pending.Add(new(statement.Id, LogEntryType.Text, null, "", statement, raised, raised.OccurredAt));
                        break;
                    case StatementEvents.Published or StatementEvents.Closed or StatementEvents.Withdrawn when root is Statement statement:
                        pending.Add(new(statement.Id, LogEntryType.Publication, null, "", statement, raised, raised.OccurredAt));
                        break;
                    default:
                        if (ChangeOf(raised) is { } change && signatures.TryGetValue(change.SignatureId, out var signature))
                        {
                            // A signature changed twice in one save gets one entry, in the place of its last change.
                            pending.RemoveAll(p => p.Signature?.Id == change.SignatureId);
                            pending.Add(new(signature.Entity.StatementId, LogEntryType.Signature, signature.Entity, change.Change, null,
                                raised, raised.OccurredAt));
                            described.Add(change.SignatureId);
                        }
                        break;
                }
            }
        }
        // A signature changed without an event of its own (a merge moves it) takes the time of the save's events.
        var at = tracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.PendingEvents).Select(e => e.OccurredAt)
            .DefaultIfEmpty(now).Max();
        foreach (var (id, entry) in signatures)
        {
            if (described.Contains(id)) continue;
            var moved = entry.State == EntityState.Modified && entry.Property(s => s.OrganisationId).IsModified;
            pending.Add(new(entry.Entity.StatementId, LogEntryType.Signature, entry.Entity, moved ? "moved" : "changed", null, null, at));
        }
        return pending;
    }

    private static (Guid SignatureId, string Change)? ChangeOf(IDomainEvent raised) => raised switch
    {
        SignatureEvents.Recorded e => (e.SignatureId, "signed"),
        SignatureEvents.Reconfirmed e => (e.SignatureId, "reconfirmed"),
        SignatureEvents.Withdrawn e => (e.SignatureId, "withdrawn"),
        SignatureEvents.Invalidated e => (e.SignatureId, "invalidated"),
        SignatureEvents.NameCorrected e => (e.SignatureId, "corrected"),
        _ => null,
    };

    /// <summary>
    /// Appends the pending changes. A signature whose public facts are what its last entry already says (a save that touched
    /// only private fields) gets no entry.
    /// </summary>
    /// <param name="lastEntries">The last saved entry of each statement concerned (or null).</param>
    /// <param name="lastFacts">The facts of the last saved entry of each signature concerned.</param>
    public static List<LogEntry> Append(List<Pending> pending, IReadOnlyDictionary<Guid, LogEntry?> lastEntries,
        IReadOnlyDictionary<Guid, string> lastFacts, TreeHeadSigner signer)
    {
        var heads = new Dictionary<Guid, LogEntry?>(lastEntries);
        var appended = new List<LogEntry>();
        foreach (var p in pending)
        {
            Func<int, string> entryAt;
            switch (p.Type)
            {
                case LogEntryType.Text:
                    var (version, textHash) = p.Event switch
                    {
                        StatementEvents.OpenedForSignature e => (e.VersionNumber, e.TextHash),
                        StatementEvents.SignableTextChanged e => (e.VersionNumber, e.TextHash),
                        _ => throw new InvalidOperationException(),
                    };
                    entryAt = index => LogEntries.Text(p.StatementId, index, p.At, version, textHash);
                    break;
                case LogEntryType.Publication:
                    var statement = p.Statement!;
                    entryAt = index => LogEntries.Publication(p.StatementId, index, p.At, statement.State.ToString(), statement.PublishedAt,
                        statement.AllowsFurtherSignatories);
                    break;
                default:
                    var facts = SignatureFacts.Of(p.Signature!);
                    if (lastFacts.TryGetValue(p.Signature!.Id, out var known) && SameFacts(known, LogEntries.FactsOf(facts))) continue;
                    entryAt = index => LogEntries.Signature(p.StatementId, index, p.At, p.Change, facts);
                    break;
            }
            var entry = LogEntry.After(heads.GetValueOrDefault(p.StatementId), p.StatementId, p.Type, p.Signature?.Id, entryAt,
                signer, p.At);
            heads[p.StatementId] = entry;
            p.Signature?.MarkInLog(entry);
            appended.Add(entry);
        }
        return appended;
    }

    /// <summary>The facts a signature entry records, without the entry's own fields.</summary>
    public static string FactsIn(string entry)
    {
        var node = JsonNode.Parse(entry)!.AsObject();
        foreach (var field in EntryFields) node.Remove(field);
        return node.ToJsonString();
    }

    private static bool SameFacts(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
}
