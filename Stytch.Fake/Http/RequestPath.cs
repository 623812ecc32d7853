using Microsoft.AspNetCore.Http;
using WireMock;

namespace Stytch.Fake.Http;

/// <summary>
/// The path the fake routes, records and judges: the request target percent-decoded once, by the HTTP server.
/// </summary>
/// <remarks>
/// WireMock's <see cref="IRequestMessage.Path"/> is decoded twice: Kestrel decodes the target (keeping <c>%2F</c>,
/// so an encoded slash stays inside its segment), then WireMock url-decodes the URL it rebuilt from that. Routed on
/// that, <c>/%255Ffake/</c> would reach a back door the request guard took for another path, and an id holding an
/// encoded slash would split into segments and name another endpoint. So the fake takes Kestrel's path, which is the
/// one the guard judged, from the request's HttpContext; the fake's own server always has one. A server the fake is
/// attached to may not expose it: there the fake routes WireMock's path, and judges that same path in its guard mapping.
/// </remarks>
internal static class RequestPath
{
    // One accessor serves every request: it reads the current request's context from an AsyncLocal.
    private static readonly HttpContextAccessor Accessor = new();

    /// <summary>The current request's HttpContext, where the server exposes one.</summary>
    public static HttpContext? Context => Accessor.HttpContext;

    /// <summary>A path of the Stytch API (<c>/v1/…</c>).</summary>
    public static bool IsApi(string path) => path == "/v1" || path.StartsWith("/v1/", StringComparison.Ordinal);

    /// <summary>A path of the back doors (<c>/_fake/…</c>).</summary>
    public static bool IsBackDoor(string path) => path == "/_fake" || path.StartsWith("/_fake/", StringComparison.Ordinal);

    public static string Of(IRequestMessage request) =>
        Context?.Request.Path.Value is { Length: > 0 } path ? path : request.Path;
}
