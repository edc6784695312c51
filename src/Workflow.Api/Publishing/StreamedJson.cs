using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Publishing;

/// <summary>
/// A JSON answer serialised as its value is enumerated (a list whose rows are read from the database while they are
/// written) into a buffer that spills to a temporary file, as <see cref="StreamedText"/> does, and then copied to the
/// response: the rows are read at the database's pace, not a slow reader's, and the list is never held whole. The
/// serialiser and its options are the minimal APIs' own, so the bytes are those the value would have been answered with.
/// </summary>
public sealed class StreamedJson<T>(T value) : IResult
{
    private const int MemoryThreshold = 64 * 1024;

    public async Task ExecuteAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var buffer = new FileBufferingWriteStream(MemoryThreshold);
        await JsonSerializer.SerializeAsync(buffer, value, options, http.RequestAborted);
        http.Response.ContentType = "application/json; charset=utf-8";
        await buffer.DrainBufferAsync(http.Response.Body, http.RequestAborted);
    }
}
