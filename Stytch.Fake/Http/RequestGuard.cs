using Microsoft.AspNetCore.Http;
using System.Net;

namespace Stytch.Fake.Http;

/// <summary>
/// What every request must pass before the fake reads it: an allowed <c>Host</c> (DNS rebinding), and for a
/// back-door call that changes state a JSON content type and no foreign <c>Origin</c> (cross-site requests: a
/// page can send a form or <c>text/plain</c> POST anywhere without asking, but not <c>application/json</c>).
/// On the fake's own server it runs as middleware before WireMock (<see cref="GuardMiddleware"/>), which also bounds
/// request bodies before they are buffered; on a server the fake is attached to, it is a mapping just above the fake's
/// own (<see cref="WireMockAdapter"/>). What it refuses is recorded as an unrouted call is (<see cref="RequestPipeline.Refuse"/>).
/// </summary>
/// <remarks>
/// It judges the path before the fake routes it, so it is the first check only: the pipeline refuses a cross-site
/// back-door call again by the endpoint it reached (<see cref="CrossSiteRefusal"/>), whatever spelling got it there.
/// </remarks>
internal sealed class RequestGuard
{
    private readonly string _configuredHost;
    private readonly IReadOnlyList<string> _allowedHosts;

    /// <param name="configuredHost">The address the fake's own server listens on.</param>
    /// <param name="allowedHosts">The user's extra entries; a malformed one throws here, before any server starts.</param>
    public RequestGuard(string configuredHost, IReadOnlyList<string> allowedHosts)
    {
        _configuredHost = configuredHost;
        _allowedHosts = allowedHosts;
        _ = HostsFor([]);
    }

    /// <summary>
    /// The error for a body over the limit of a Stytch endpoint. Stytch documents no size limit and its error
    /// catalogue has no 413 or size error type; the 400 <c>bad_request</c> is inferred, and is what the fake
    /// answers, in the same words, for a body over <see cref="JsonBody.MaxBytes"/> that reached the parser.
    /// </summary>
    public static StytchError BodyTooLarge { get; } = StytchError.BadRequest with { Message = $"The request body is larger than {JsonBody.MaxBytes / 1024 / 1024} MB." };

    /// <summary>The error for a body that could not be read: malformed framing, or data arriving too slowly.</summary>
    public static StytchError BodyUnreadable { get; } = StytchError.BadRequest with { Message = "The request body could not be read: it was malformed or arrived too slowly." };

    /// <summary>
    /// The names a server listening on <paramref name="urls"/> answers to: the configured host, the hosts of those
    /// URLs, loopback, and the allowed hosts. Computed once per server; a back-door call's <c>Origin</c> must name one.
    /// </summary>
    public HostAllowList HostsFor(IEnumerable<string> urls)
    {
        var own = new List<string> { _configuredHost };
        foreach (var url in urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                own.Add(uri.Host);
            }
        }

        return new HostAllowList(own, _allowedHosts);
    }

    /// <summary>The error that refuses a request before its body is read, or null when it may go on.</summary>
    /// <param name="site">Where the request arrived.</param>
    /// <param name="method">Its method.</param>
    /// <param name="path">Its path, as the server that judges it has it (see <see cref="IsBackDoorPath"/>).</param>
    /// <param name="headers">Its headers.</param>
    public static StytchError? Refusal(Site site, string method, string path, RequestHeaders headers)
    {
        if (!site.Hosts.Allows(headers.Sole("Host"), site.IsServerPort))
        {
            return StytchError.HostNotAllowed;
        }

        return IsMutation(method) && IsBackDoorPath(path) ? CrossSiteRefusal(site, headers) : null;
    }

    /// <summary>
    /// The error that refuses a back-door call that changes state as a page on another site could send it (a
    /// foreign <c>Origin</c>, or not the JSON content type), or null when it may go on.
    /// </summary>
    public static StytchError? CrossSiteRefusal(Site site, RequestHeaders headers)
    {
        if (headers.Sole("Origin") is { } origin && !site.Hosts.AllowsOrigin(origin, site.IsServerPort))
        {
            return StytchError.OriginNotAllowed;
        }

        return IsJson(headers.Sole("Content-Type")) ? null : StytchError.JsonContentTypeRequired;
    }

    /// <summary>True for the methods that change state.</summary>
    public static bool IsMutation(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method);

    /// <summary>True for the paths the guard judges on a server the fake is attached to: the API's and the back doors'.</summary>
    public static bool IsServedPath(string path) => RequestPath.IsApi(path) || IsBackDoorPath(path) || RequestPath.IsFrontend(path);

    /// <summary>True when decoding <paramref name="path"/> again would change it.</summary>
    public static bool IsEncoded(string path) => path.AsSpan().IndexOfAny('%', '+') >= 0;

    /// <summary>
    /// True for a back-door path, also when it is one only once decoded again (<c>/_fake%2Fv1/</c>, <c>/%5Ffake/</c>
    /// as Kestrel leaves <c>%255F</c>): WireMock's path is decoded so, and on a server without the request's HttpContext
    /// that is the path the fake routes (<see cref="WireMockAdapter"/>).
    /// </summary>
    private static bool IsBackDoorPath(string path) =>
        RequestPath.IsBackDoor(path) || (IsEncoded(path) && RequestPath.IsBackDoor(WebUtility.UrlDecode(path)));

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A server as the guard and the pipeline judge a request on it: the names it answers to, and whether a port is one
/// it listens on (loopback names and the configured host are allowed on those only).
/// </summary>
internal sealed record Site(HostAllowList Hosts, Func<int, bool> IsServerPort);
