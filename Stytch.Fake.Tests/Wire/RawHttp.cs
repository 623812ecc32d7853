using System.Net.Sockets;
using System.Text;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Requests written byte for byte on a TCP socket, for what HttpClient will not send: no Host, a body that
/// trickles or never ends, a raw NUL in the path, broken chunked framing.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, up to and including the blank line), then whatever
    /// <paramref name="body"/> writes, and reads the answer until the server closes the connection. A body that
    /// the server stops reading (it answered early and closed) ends quietly.
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri server, string head, Func<Stream, CancellationToken, Task>? body = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head), cancel.Token);

        // Read while writing: the server may answer before the body is through, and then stop reading it.
        var read = ReadToEndAsync(stream, cancel.Token);
        if (body is not null)
        {
            try
            {
                await body(stream, cancel.Token);
            }
            catch (IOException)
            {
                // The server closed the connection mid-body, after answering.
            }
        }

        return RawResponse.Parse(await read);
    }

    /// <summary>Writes <paramref name="total"/> bytes of <c>a</c> in 64 KB pieces, from one reused buffer.</summary>
    public static Func<Stream, CancellationToken, Task> Bytes(long total) => async (stream, cancel) =>
    {
        var piece = new byte[64 * 1024];
        Array.Fill(piece, (byte)'a');
        for (long sent = 0; sent < total; sent += piece.Length)
        {
            await stream.WriteAsync(piece.AsMemory(0, (int)Math.Min(piece.Length, total - sent)), cancel);
        }
    };

    /// <summary>Writes <paramref name="total"/> bytes of <c>a</c> as 64 KB chunks of a chunked body, then the last chunk.</summary>
    public static Func<Stream, CancellationToken, Task> Chunks(long total) => async (stream, cancel) =>
    {
        var piece = new byte[64 * 1024];
        Array.Fill(piece, (byte)'a');
        var header = Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n");
        for (long sent = 0; sent < total; sent += piece.Length)
        {
            await stream.WriteAsync(header, cancel);
            await stream.WriteAsync(piece, cancel);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancel);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancel);
    };

    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken cancel)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cancel)) > 0)
            {
                received.Write(buffer, 0, n);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer arrived: the server closed with our body still unread.
        }

        return received.ToArray();
    }
}

/// <summary>A raw answer: status, headers (names lower-cased) and body text.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.", StringComparison.Ordinal) || end < 0)
        {
            throw new InvalidOperationException("Not an HTTP response: " + text[..Math.Min(text.Length, 200)]);
        }

        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);
        var body = text[(end + 4)..];
        return new RawResponse(status, headers, headers.GetValueOrDefault("transfer-encoding") == "chunked" ? Unchunk(body) : body);
    }

    /// <summary>The data of a chunked body (WireMock's answers have no Content-Length); what follows its last chunk is kept.</summary>
    private static string Unchunk(string body)
    {
        var data = new System.Text.StringBuilder();
        var at = 0;
        while (true)
        {
            var line = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = int.Parse(body[at..line].Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            at = line + 2;
            if (size == 0)
            {
                return data.Append(body[Math.Min(body.Length, at + 2)..]).ToString();
            }

            // Sizes count bytes; the bodies read here are ASCII JSON.
            data.Append(body, at, size);
            at += size + 2;
        }
    }

    public System.Text.Json.Nodes.JsonObject Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();

    public string? ErrorType => Json["error_type"]?.GetValue<string>();
}
