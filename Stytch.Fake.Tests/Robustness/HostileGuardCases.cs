using System.Text;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// Rows for the request guard: a foreign <c>Host</c> on every kind of path (DNS rebinding), and back-door calls
/// that change state sent as a page on another site could send them (a form or <c>text/plain</c> POST, a foreign
/// <c>Origin</c>). Each body is one the back door would accept, so only the guard stands between it and a change.
/// </summary>
internal static class HostileGuardCases
{
    private const string AdminProject = "/_fake/v1/projects/{project_id}";

    public static IEnumerable<HostileCase> All() => ForeignHosts().Concat(CrossSiteContentTypes()).Concat(ForeignOrigins()).Concat(EncodedBackDoors());

    /// <summary>Back-door calls that change state, each with a body it accepts.</summary>
    private static (string Endpoint, string Method, string Path, Func<HostileIds, byte[]?>? Body)[] Mutations() =>
    [
        ("AdminClockSet", "POST", AdminProject + "/clock/set", J("""{"now":"2031-01-01T00:00:00Z"}""")),
        ("AdminClockAdvance", "POST", AdminProject + "/clock/advance", J("""{"seconds":60}""")),
        ("AdminFaultsAdd", "POST", AdminProject + "/faults", J("""{"endpoint":"*","error_type":"too_many_requests"}""")),
        ("AdminReset", "POST", AdminProject + "/reset", null),
        ("AdminProjectsCreate", "POST", "/_fake/v1/projects", J("{}")),
        ("AdminSeed", "POST", AdminProject + "/seed", J("""{"users":[{"email":"csrf@example.com"}]}""")),
        ("AdminKeysRotate", "POST", AdminProject + "/keys/rotate", null),
        ("AdminRateLimitsSet", "POST", AdminProject + "/rate_limits", J("""{"enabled":true}""")),
        ("AdminSnapshotImport", "PUT", AdminProject + "/snapshot", ids => Encoding.UTF8.GetBytes(ids.Snapshot)),
        ("AdminOutboxClear", "DELETE", AdminProject + "/outbox", null),
        ("AdminFaultsClear", "DELETE", AdminProject + "/faults", null),
    ];

    private static IEnumerable<HostileCase> ForeignHosts()
    {
        var paths = new (string Endpoint, string Method, string Path, Func<HostileIds, byte[]?>? Body)[]
        {
            ("AdminOutbox", "GET", AdminProject + "/outbox", null),
            ("AdminProjects", "GET", "/_fake/v1/projects", null),
            ("AdminSnapshotExport", "GET", AdminProject + "/snapshot", null),
            ("AdminSnapshotImport", "PUT", AdminProject + "/snapshot", ids => Encoding.UTF8.GetBytes(ids.Snapshot)),
            ("InboxPage", "GET", "/_fake/", null),
            ("UsersGet", "GET", "/v1/users/{user_id}", null),
            ("LoginOrCreate", "POST", "/v1/otps/email/login_or_create", J("""{"email":"rebound@example.com"}""")),
            ("Unknown", "GET", "/somewhere/else", null),
        };
        var hosts = new (string Scenario, string Host)[]
        {
            ("ReboundName", "evil.example:{port}"),
            ("ReboundNameNoPort", "evil.example"),
            ("LoopbackPrefixedName", "127.0.0.1.evil.example:{port}"),
            ("LocalhostSubdomainOfAttacker", "localhost.evil.example:{port}"),
            ("LoopbackOtherPort", "localhost:1"),
            ("LoopbackNoPort", "127.0.0.1"),
        };
        foreach (var (endpoint, method, path, body) in paths)
        {
            foreach (var (scenario, host) in hosts)
            {
                yield return new HostileCase(endpoint, "Host" + scenario, method, path, body, 403, "host_not_allowed", Host: host);
            }
        }
    }

    private static IEnumerable<HostileCase> CrossSiteContentTypes()
    {
        var contentTypes = new (string Scenario, string? ContentType)[]
        {
            ("TextPlain", "text/plain"),
            ("TextPlainJsonCharset", "text/plain; charset=utf-8"),
            ("FormUrlEncoded", "application/x-www-form-urlencoded"),
            ("Multipart", "multipart/form-data; boundary=b"),
            ("NoContentType", null),
            ("JsonLookalike", "application/jsonp"),
        };
        foreach (var (endpoint, method, path, body) in Mutations())
        {
            foreach (var (scenario, contentType) in contentTypes)
            {
                yield return new HostileCase(endpoint, "CrossSite" + scenario, method, path, body, 415, "json_content_type_required", contentType);
            }
        }
    }

    private static IEnumerable<HostileCase> ForeignOrigins()
    {
        var origins = new (string Scenario, string Origin)[]
        {
            ("ForeignSite", "http://evil.example"),
            ("ForeignSiteSamePort", "http://evil.example:{port}"),
            ("OpaqueNull", "null"),
            ("LoopbackOtherPort", "http://localhost:1"),
            ("NotAUrl", "evil"),
            ("LoopbackWithPath", "http://127.0.0.1:{port}/x"),
        };
        foreach (var (endpoint, method, path, body) in Mutations())
        {
            foreach (var (scenario, origin) in origins)
            {
                // The JSON content type is there: the Origin alone refuses it.
                yield return new HostileCase(endpoint, "Origin" + scenario, method, path, body, 403, "origin_not_allowed", Origin: origin);
            }
        }
    }

    /// <summary>
    /// Every mutation again with the back-door prefix spelled in escapes that a second decoding would undo: a slash as
    /// <c>%2F</c>, an escape as <c>%25XX</c>, hex digits in either case. The guard judges each as the back door it
    /// would spell, so no spelling carries a cross-site call past it.
    /// </summary>
    private static IEnumerable<HostileCase> EncodedBackDoors()
    {
        var spellings = new (string Scenario, string Prefix)[]
        {
            ("EncodedSlash", "/_fake%2Fv1/"),
            ("EncodedSlashLowercase", "/_fake%2fv1/"),
            ("DoubleEncodedUnderscore", "/%255Ffake/v1/"),
            ("DoubleEncodedUnderscoreLowercase", "/%255ffake/v1/"),
            ("DoubleEncodedLetter", "/_fak%2565/v1/"),
            ("MixedEscapes", "/%255F%66ake%2Fv1/"),
        };
        foreach (var (endpoint, method, path, body) in Mutations())
        {
            foreach (var (scenario, prefix) in spellings)
            {
                var spelled = prefix + path["/_fake/v1/".Length..];
                yield return new HostileCase(endpoint, scenario + "TextPlain", method, spelled, body, 415, "json_content_type_required", "text/plain");
                yield return new HostileCase(endpoint, scenario + "ForeignOrigin", method, spelled, body, 403, "origin_not_allowed", Origin: "http://evil.example");
            }
        }
    }

    private static Func<HostileIds, byte[]?> J(string json) => _ => Encoding.UTF8.GetBytes(json);
}
