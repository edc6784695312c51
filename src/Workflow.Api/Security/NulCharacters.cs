using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Core.Common;

namespace Workflow.Api.Security;

/// <summary>
/// Text with a NUL character (U+0000) is refused where it comes in — JSON bodies, query strings, route values and form
/// fields — with 400 naming the field: PostgreSQL cannot store it in text (and would answer 500), and no statement,
/// name or address has a use for it.
/// </summary>
public static class NulCharacters
{
    public const string Message = "Text may not contain the NUL character (U+0000).";

    /// <summary>Every string read from JSON: the path of the field reaches the 400 through the JsonException.</summary>
    public sealed class RefusingJsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && value.Contains('\0') ? throw new JsonException(Message) : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>After routing, so that route values are known. The refusal is answered where every other one is (ProblemMapping).</summary>
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var field = http.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0') == true)).Key
            ?? http.Request.RouteValues.FirstOrDefault(r => r.Value is string s && s.Contains('\0')).Key;
        if (field is null && http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // ASP.NET's form reader refuses NUL itself, and malformed or oversized forms.
                throw new DomainRuleException("form", e.Message);
            }
            field = form.FirstOrDefault(f => f.Value.Any(v => v?.Contains('\0') == true)).Key;
        }
        if (field is not null) throw new DomainRuleException(field, Message);
        await next(http);
    });
}
