using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.M2M.Wire;

/// <summary>
/// Reads a token request the ways Stytch takes one: "This endpoint supports both application/json and
/// application/x-www-form-urlencoded content types" and "supports passing the client_id and client_secret within the
/// request body as well as within a HTTP-Basic Auth header" (Get Access Token, stytch.com/docs/api/get-m2m-token).
/// The Node SDK posts a form and no Authorization header; the .NET SDK posts a form with the project's own Basic
/// credentials, which are not a client's and are passed over (stytch-node lib/b2c/m2m.ts, stytch-dotnet
/// Stytch.net/Clients/consumer/M2M.cs). This is the one route whose body may be a form.
/// </summary>
internal static class M2MTokenRequestReader
{
    private static readonly string[] Parameters = ["client_id", "client_secret", "grant_type", "scope"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The request's parameters, and whether its client credentials came from the Authorization header.</summary>
    /// <exception cref="StytchException"><c>invalid_request</c> for a body that cannot be read or repeats a parameter.</exception>
    public static (M2MTokenRequest Request, bool FromHeader) Read(ApiCall call)
    {
        var values = IsJson(call.Header("Content-Type")) ? ReadJson(call) : ReadForm(call.RawBody);
        var request = new M2MTokenRequest(values.GetValueOrDefault("client_id"), values.GetValueOrDefault("client_secret"),
            values.GetValueOrDefault("grant_type"), values.GetValueOrDefault("scope"));
        // A body's credentials win; the header is read only when the body names no client (inferred precedence).
        if (string.IsNullOrEmpty(request.ClientId) && ClientFromHeader(call) is { } basic)
        {
            return (request with { ClientId = basic.Id, ClientSecret = basic.Secret }, true);
        }

        return (request, false);
    }

    /// <summary>A form body (the content type the SDKs send, and the one assumed when none is named).</summary>
    private static Dictionary<string, string> ReadForm(ReadOnlyMemory<byte> body)
    {
        string text;
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            text = StrictUtf8.GetString(body.Span);
            form = new FormReader(text).ReadForm();
        }
        catch (Exception e) when (e is DecoderFallbackException or InvalidDataException)
        {
            throw Invalid("The request body is not a readable application/x-www-form-urlencoded form.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Parameters)
        {
            if (form.TryGetValue(name, out var sent))
            {
                // RFC 6749 section 3.2: "Request and response parameters MUST NOT be included more than once."
                values[name] = sent.Count == 1 ? sent[0] ?? "" : throw Invalid($"{name} is sent more than once.");
            }
        }

        return values;
    }

    /// <summary>A JSON body: the four parameters are strings; others are ignored, or refused by a strict project.</summary>
    private static Dictionary<string, string> ReadJson(ApiCall call)
    {
        try
        {
            using var body = JsonBody.Parse(call.RawBody, Parameters.ToHashSet(StringComparer.Ordinal),
                call.Project.StrictFields ? FieldPolicy.StrictProject : FieldPolicy.Ignore);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in Parameters)
            {
                if (body.String(name) is { } value)
                {
                    values[name] = value;
                }
            }

            return values;
        }
        catch (StytchException e)
        {
            throw Invalid(e.Error.Message);
        }
    }

    /// <summary>
    /// RFC 6749 section 2.3.1 client credentials in a Basic header (each part form-encoded), or null when there is no
    /// Basic header or it holds the project's own credentials.
    /// </summary>
    private static (string Id, string Secret)? ClientFromHeader(ApiCall call)
    {
        if (call.Header("Authorization") is not { } header || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return ("", "");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return ("", "");
        }

        var (id, secret) = (Unescape(decoded[..colon]), Unescape(decoded[(colon + 1)..]));
        return id == call.Project.ProjectId && secret == call.Project.Secret ? null : (id, secret);
    }

    private static string Unescape(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static StytchException Invalid(string message) => new(StytchError.OAuthInvalidRequest with { Message = message });
}
