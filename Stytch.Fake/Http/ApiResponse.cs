using System.Buffers;
using System.Text.Json;

namespace Stytch.Fake.Http;

/// <summary>A rendered response: status, JSON bytes and, for errors, the error type (for the request log).</summary>
internal sealed record ApiResponse(int StatusCode, byte[] Body, string? ErrorType = null)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>The Content-Type header; JSON unless an endpoint serves something else (the inbox page).</summary>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>The Stytch <c>error_message</c> of an error response (for the request log), or null.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Extra response headers, or null.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>True when no answer goes back: the server drops the connection instead (a fault rule's <c>drop_connection</c>).</summary>
    public bool DropsConnection { get; init; }

    /// <summary>No answer: the connection is dropped. Logged with status 0.</summary>
    public static ApiResponse DroppedConnection { get; } = new(0, [], "dropped_connection") { DropsConnection = true };

    /// <summary>
    /// A 200 body: <c>request_id</c> first, then what <paramref name="write"/> writes, then <c>status_code</c>,
    /// in the order Stytch sends them.
    /// </summary>
    public static ApiResponse Ok(string requestId, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("request_id", requestId);
            write(writer);
            writer.WriteNumber("status_code", 200);
            writer.WriteEndObject();
        }

        return new ApiResponse(200, buffer.WrittenSpan.ToArray());
    }

    /// <summary>A body that is not a Stytch response (back-door answers): exactly what <paramref name="write"/> writes.</summary>
    public static ApiResponse Plain(int statusCode, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new ApiResponse(statusCode, buffer.WrittenSpan.ToArray());
    }

    /// <summary>
    /// The Stytch error envelope. This is the one place error bodies are rendered; <c>error_url</c> has no
    /// anchor, as in the seed's canned bodies.
    /// </summary>
    public static ApiResponse Error(StytchError error, string requestId)
    {
        var body = new WireError(
            error.StatusCode, requestId, error.ErrorType, error.Message,
            $"https://stytch.com/docs/api/errors/{error.StatusCode}");
        return new ApiResponse(error.StatusCode, JsonSerializer.SerializeToUtf8Bytes(body, WireJsonContext.Default.WireError), error.ErrorType)
        {
            ErrorMessage = error.Message,
        };
    }

    /// <summary>
    /// An error of an OAuth endpoint (the M2M token endpoint): RFC 6749 section 5.2's <c>error</c> and
    /// <c>error_description</c> in place of <c>error_type</c> and <c>error_message</c>, and <c>error_uri</c> in place of
    /// <c>error_url</c>, beside Stytch's <c>status_code</c> and <c>request_id</c> (stytch-node lib/shared/errors.ts,
    /// OAuth2ErrorJSON; stytch-node issue 314). The <c>error_uri</c> value is inferred to be the envelope's usual URL.
    /// </summary>
    public static ApiResponse OAuthError(StytchError error, string requestId) =>
        Plain(error.StatusCode, w =>
        {
            w.WriteNumber("status_code", error.StatusCode);
            w.WriteString("request_id", requestId);
            w.WriteString("error", error.ErrorType);
            w.WriteString("error_description", error.Message);
            w.WriteString("error_uri", $"https://stytch.com/docs/api/errors/{error.StatusCode}");
        }) with
        {
            ErrorType = error.ErrorType,
            ErrorMessage = error.Message,
        };
}
