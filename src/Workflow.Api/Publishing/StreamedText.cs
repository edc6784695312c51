using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Workflow.Api.Publishing;

/// <summary>
/// A text answer written as it is made rather than built whole first: the writer fills a buffer of a few kilobytes that
/// spills to a temporary file past its threshold (ASP.NET Core's own <see cref="FileBufferingWriteStream"/>, made for
/// writers that cannot write asynchronously), which is then copied to the response. A list of ten thousand signatories
/// never becomes a string, nor its UTF-8 bytes an array.
/// </summary>
public sealed class StreamedText(string contentType, Action<TextWriter> write, bool byteOrderMark = false) : IResult
{
    private static readonly UTF8Encoding WithoutMark = new(encoderShouldEmitUTF8Identifier: false);
    private const int MemoryThreshold = 64 * 1024;

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var buffer = new FileBufferingWriteStream(MemoryThreshold);
        await using (var writer = new StreamWriter(buffer, WithoutMark, bufferSize: 16 * 1024, leaveOpen: true))
        {
            // A spreadsheet needs the byte-order mark to read the file as UTF-8 (see PublicEndpoints.CsvFile).
            if (byteOrderMark) writer.Write('\uFEFF');
            write(writer);
        }
        http.Response.ContentType = contentType;
        await buffer.DrainBufferAsync(http.Response.Body, http.RequestAborted);
    }
}
