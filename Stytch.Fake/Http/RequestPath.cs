namespace Stytch.Fake.Http;

/// <summary>
/// The two kinds of path the fake serves. Paths come percent-decoded once, by the HTTP server
/// (<see cref="IncomingRequest.Path"/>; <see cref="WireMockAdapter"/> says where it comes from).
/// </summary>
internal static class RequestPath
{
    /// <summary>A path of the Stytch API (<c>/v1/…</c>).</summary>
    public static bool IsApi(string path) => path == "/v1" || path.StartsWith("/v1/", StringComparison.Ordinal);

    /// <summary>A path of the back doors (<c>/_fake/…</c>).</summary>
    public static bool IsBackDoor(string path) => path == "/_fake" || path.StartsWith("/_fake/", StringComparison.Ordinal);

    /// <summary>A path of the frontend SDK API (<c>/sdk/…</c>: <c>/sdk/v1/…</c> and the SDK's iframe stub).</summary>
    public static bool IsFrontend(string path) => path.StartsWith("/sdk/", StringComparison.Ordinal);
}
