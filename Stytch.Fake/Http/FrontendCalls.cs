using Microsoft.AspNetCore.Http;

namespace Stytch.Fake.Http;

/// <summary>
/// The one place the frontend SDK API (<c>/sdk/v1</c>, what Stytch's browser SDKs call) differs from <c>/v1</c> in the
/// pipeline: CORS for the project's allowed origins (<see cref="ProjectOrigins"/>), public-token authentication, and the
/// <c>{"data": …}</c> wrapper of its answers. Its endpoints reuse the backend's (see <c>FrontendEndpoint</c>).
/// </summary>
/// <remarks>
/// A browser's SDK call is <c>fetch(…, {credentials: 'include'})</c>, so it needs <c>Access-Control-Allow-Origin</c> set
/// to the page's origin with <c>Access-Control-Allow-Credentials: true</c>, and a preflight first, which carries no
/// credentials: it is allowed when any project allows the origin. The real call is then judged by its project's origins.
/// </remarks>
internal static class FrontendCalls
{
    /// <summary>The headers the SDK sends (<c>NetworkClient</c> of <c>@stytch/vanilla-js</c>): what the preflight allows.</summary>
    private const string AllowedHeaders = "authorization, content-type, x-sdk-client, x-sdk-parent-host";

    /// <summary>True for a CORS preflight of a frontend path.</summary>
    public static bool IsPreflight(IncomingRequest request) =>
        RequestPath.IsFrontend(request.Path) && HttpMethods.IsOptions(request.Method);

    /// <summary>The preflight's answer: 204, with CORS headers only for an origin some project allows.</summary>
    public static ApiResponse Preflight(IncomingRequest request, ProjectRegistry projects)
    {
        var origin = request.Headers.Sole("Origin");
        if (origin is null || !projects.All.Any(p => p.Origins.Allows(origin)))
        {
            return new ApiResponse(204, []);
        }

        return new ApiResponse(204, [])
        {
            Headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Access-Control-Allow-Origin"] = origin,
                ["Access-Control-Allow-Credentials"] = "true",
                ["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS",
                ["Access-Control-Allow-Headers"] = AllowedHeaders,
                ["Access-Control-Max-Age"] = "600",
                ["Vary"] = "Origin",
            },
        };
    }

    /// <summary>
    /// The project a frontend call is for: the one whose public token the bootstrap path names, or the Basic user name
    /// (<c>public_token:public_token</c> before login, <c>public_token:session_token</c> after). A browser call from an
    /// origin the project does not allow is refused.
    /// </summary>
    public static StytchFakeProject Authorise(IncomingRequest request, RouteMatch routed, ProjectRegistry projects)
    {
        StytchFakeProject project;
        if (routed.PathValues.TryGetValue("public_token", out var named))
        {
            project = projects.ByPublicToken(named) ?? throw new StytchException(StytchError.PublicTokenNotFound);
        }
        else
        {
            // As for /v1: a missing, undecodable or unknown credential is 401 unauthorized_credentials, one of the
            // errors on which the SDK logs the user out (core/src/public/SDKErrors, UNRECOVERABLE_ERROR_TYPES).
            project = ProjectRegistry.TryDecodeBasic(request.Headers.First("Authorization"), out var token, out _)
                ? projects.ByPublicToken(token) ?? throw new StytchException(StytchError.UnauthorizedCredentials)
                : throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        if (request.Headers.Sole("Origin") is { } origin && !project.Origins.Allows(origin))
        {
            throw new StytchException(StytchError.BadDomainForStytchSdk);
        }

        return project;
    }

    /// <summary>
    /// The <c>email</c> or <c>email_address</c> of a frontend call's body, for fault rules scoped to an address: a frontend
    /// endpoint parses its body itself, after the faults are applied. Null when the body has none or is not JSON.
    /// </summary>
    public static string? PeekEmail(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == System.Text.Json.JsonValueKind.Object
                && (root.TryGetProperty("email", out var email) || root.TryGetProperty("email_address", out email))
                && email.ValueKind == System.Text.Json.JsonValueKind.String
                ? email.GetString()
                : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or a string that is not valid UTF-8: no address to match; the endpoint refuses the body itself.
            return null;
        }
    }

    /// <summary>The session token a logged-in SDK sends as its Basic password, or null before login.</summary>
    public static string? SessionToken(ApiCall call) =>
        ProjectRegistry.TryDecodeBasic(call.Header("Authorization"), out var token, out var password)
        && password.Length > 0 && !string.Equals(password, token, StringComparison.Ordinal)
            ? password
            : null;

    /// <summary>
    /// Wraps a JSON 2xx body in <c>{"data": …}</c> (the SDK returns <c>json.data</c>; errors stay the bare envelope, which
    /// it reads as is; a fault rule's own answer stays as scripted: <paramref name="wrap"/> false) and adds the CORS headers for an allowed origin: the reached project's, or any project's when the
    /// call reached none.
    /// </summary>
    public static ApiResponse Finish(ApiResponse response, IncomingRequest request, StytchFakeProject? project, ProjectRegistry projects, bool wrap = true)
    {
        if (response.DropsConnection)
        {
            return response;
        }

        if (wrap && response.StatusCode is >= 200 and < 300 && response.Body.Length > 0
            && response.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            response = response with { Body = [.. "{\"data\":"u8, .. response.Body, .. "}"u8] };
        }

        var origin = request.Headers.Sole("Origin");
        if (origin is null || !(project is null ? projects.All.Any(p => p.Origins.Allows(origin)) : project.Origins.Allows(origin)))
        {
            return response;
        }

        var headers = response.Headers is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(response.Headers, StringComparer.Ordinal);
        headers["Access-Control-Allow-Origin"] = origin;
        headers["Access-Control-Allow-Credentials"] = "true";
        headers["Vary"] = "Origin";
        return response with { Headers = headers };
    }
}
