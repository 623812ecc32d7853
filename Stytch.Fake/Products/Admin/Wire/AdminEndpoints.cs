using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The back doors under <c>/_fake/v1/</c>: read what was sent, move the clock, manage projects.
/// They act on the same objects as the in-process API, so both always agree.
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The path of one project's back doors.</summary>
    internal const string Project = "/_fake/v1/projects/{project_id}";

    /// <summary>Every back door, in the order <c>GET /_fake/v1/endpoints</c> lists them.</summary>
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.health", "/_fake/v1/health", Health, Access.Admin),
        Endpoint.Get("admin.endpoints", "/_fake/v1/endpoints", CoverageEndpoint.List, Access.Admin),
        .. ProjectEndpoints.All(),
        .. OutboxEndpoints.All(),
        .. RedirectUrlEndpoints.All(),
        .. ClockEndpoints.All(),
        .. KeyEndpoints.All(),
        .. RequestLogEndpoint.All(),
        .. SnapshotEndpoints.All(),
        .. SeedEndpoint.All(),
        .. RateLimitEndpoints.All(),
        .. FaultEndpoints.All(),
        .. StateEndpoints.All(),
        .. InboxPage.All(),
    ];

    /// <summary>
    /// The 400 for a value the in-process API refused with an <see cref="ArgumentException"/>. Its message ends in
    /// " (Parameter 'name')", which names a C# parameter the caller never saw: that part is cut.
    /// </summary>
    internal static StytchException InvalidArgument(ArgumentException e) =>
        Validate.BadRequest(e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message);

    private static ApiResponse Health(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WriteString("status", "ok");
        w.WriteNumber("projects", call.Registry.All.Count);
    });
}
