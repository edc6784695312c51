using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workflow.Core.Endorsements;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>
/// Writes the entries of a statement's signatory log (format <c>v: 1</c>, described in the README and in the verifier):
/// every public fact of a signature, never a fact the public does not see (e-mail addresses, the signer's own name), so
/// that personal data can be erased without breaking the proof.
/// </summary>
public static class LogEntries
{
    // The exact bytes are hashed: one fixed encoder, so that the same facts always give the same entry.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(Guid statementId, int index, DateTimeOffset at, int version, string textHash) =>
        Write(statementId, index, at, "text", w =>
    {
        w.WriteNumber("version", version);
        w.WriteString("textHash", textHash);
    });

    public static string Publication(Guid statementId, int index, DateTimeOffset at, string state, DateTimeOffset? asOf,
        bool furtherSignatories) =>
        Write(statementId, index, at, "publication", w =>
        {
            w.WriteString("state", state);
            WriteTime(w, "asOf", asOf);
            w.WriteBoolean("furtherSignatories", furtherSignatories);
        });

    /// <param name="change">signed, reconfirmed, withdrawn, invalidated, corrected, moved or changed.</param>
    public static string Signature(Guid statementId, int index, DateTimeOffset at, string change, SignatureFacts s) =>
        Write(statementId, index, at, "signature", w =>
        {
            w.WriteString("change", change);
            WriteFacts(w, s);
        });

    /// <summary>The facts alone, to tell whether a save changed any of them.</summary>
    public static string FactsOf(SignatureFacts s)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            WriteFacts(w, s);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFacts(Utf8JsonWriter w, SignatureFacts s)
    {
        w.WriteString("signature", s.SignatureId.ToString("D"));
        w.WriteNumber("number", s.Number);
        w.WriteString("organisation", s.OrganisationId.ToString("D"));
        w.WriteString("name", s.Name);
        w.WriteString("nameEnglish", s.NameEnglish);
        w.WriteString("acronym", s.Acronym);
        w.WriteString("country", s.Country);
        w.WriteString("phase", s.Phase);
        WriteTime(w, "signedAt", s.SignedAt);
        w.WriteNumber("signedVersion", s.SignedVersion);
        w.WriteString("signedTextHash", s.SignedTextHash);
        w.WriteNumber("confirmedVersion", s.ConfirmedVersion);
        w.WriteString("confirmedTextHash", s.ConfirmedTextHash);
        w.WriteString("confirmedBy", s.ConfirmedByDrafters ? "drafters" : "signatory");
        w.WriteStartArray("translations");
        foreach (var t in s.Translations) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteString("status", s.Status);
        w.WriteString("reason", s.Reason);
        w.WriteStartObject("provenance");
        w.WriteString("kind", s.Provenance.Kind);
        w.WriteString("emailDomain", s.Provenance.EmailDomain);
        w.WriteString("recordedBy", s.Provenance.RecordedBy);
        w.WriteString("note", s.Provenance.Note);
        w.WriteString("source", s.Provenance.Source);
        w.WriteEndObject();
    }

    private static string Write(Guid statementId, int index, DateTimeOffset at, string type, Action<Utf8JsonWriter> body)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WriteString("statement", statementId.ToString("D"));
            w.WriteNumber("index", index);
            WriteTime(w, "at", at);
            w.WriteString("type", type);
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at is { } t) w.WriteString(name, Time(t));
        else w.WriteNull(name);
    }
}

/// <summary>
/// How a signature came about, as the public list and the log show it: the verifier's own <see cref="Provenance"/>, so
/// that what the service lists and what a verifier compares are one shape.
/// </summary>
public static class ProvenanceFacts
{
    /// <summary>Who recorded a signature the drafters made: the statement's drafters, never a person's account (personal data).</summary>
    public static Provenance Of(SignatureProvenance kind, string? emailDomain, string? note, string? source) => new(
        kind.ToString(),
        kind is SignatureProvenance.InvitationLink or SignatureProvenance.HandedOverLink or SignatureProvenance.SignOn ? emailDomain : null,
        kind is SignatureProvenance.RecordedByDrafters or SignatureProvenance.Imported or SignatureProvenance.HandedOverLink
        ? "drafters" : null,
        note, source);

    public static Provenance Of(Signature s) => Of(s.Provenance, s.ProvenanceEmailDomain, s.ProvenanceNote, s.ProvenanceSource);
}

/// <summary>Every public fact of one signature: what the list shows and the log records.</summary>
public sealed record SignatureFacts(
    Guid SignatureId, int Number, Guid OrganisationId, string Name, string? NameEnglish, string? Acronym, string? Country, string Phase,
    DateTimeOffset? SignedAt, int SignedVersion, string SignedTextHash, int ConfirmedVersion, string ConfirmedTextHash,
    bool ConfirmedByDrafters,
    IReadOnlyList<string> Translations, string Status, string? Reason, Provenance Provenance)
{
    public static SignatureFacts Of(Signature s) => new(s.Id, s.Number, s.OrganisationId, s.DisplayName, s.DisplayNameEnglish,
        s.DisplayAcronym,
        s.DisplayCountry, s.Phase.ToString(), s.SignedAt, s.VersionNumber, s.TextHash, s.ConfirmedVersionNumber, s.ConfirmedTextHash,
        s.ReconfirmedBy is not null, s.TranslationSet.ToList(), s.Status.ToString(), s.InvalidationReason?.ToString(),
        ProvenanceFacts.Of(s));
}
