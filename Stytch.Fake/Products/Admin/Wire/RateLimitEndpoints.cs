using System.Globalization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>The rate-limit back doors: read a project's limits, and change them (off by default).</summary>
internal static class RateLimitEndpoints
{
    private const string Path = AdminEndpoints.Project + "/rate_limits";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.rate_limits.get", Path, call => Response(call.Project.RateLimits), Access.Admin),
        Endpoint.Post("admin.rate_limits.set", Path, AdminRequestJson.Default.RateLimitsRequest, Set, Access.Admin),
    ];

    private static ApiResponse Set(ApiCall call, RateLimitsRequest request)
    {
        var limits = call.Project.RateLimits;
        var perEmail = Merge(limits.PerEmail, "per_email", request.PerEmailLimit, request.PerEmailWindowSeconds);
        var perEndpoint = Merge(limits.PerEndpoint, "per_endpoint", request.PerEndpointLimit, request.PerEndpointWindowSeconds);
        limits.PerEmail = perEmail;
        limits.PerEndpoint = perEndpoint;
        if (request.Enabled is { } enabled)
        {
            limits.Enabled = enabled;
        }

        return Response(limits);
    }

    /// <summary><paramref name="current"/> with what was sent of <c><paramref name="prefix"/>_limit</c> and <c>_window_seconds</c>, each checked.</summary>
    private static RateLimit Merge(RateLimit current, string prefix, int? limit, double? seconds) =>
        limit is < 1 ? throw Validate.BadRequest($"{prefix}_limit must be at least 1 (got {limit}).")
        : seconds is <= 0 or > 86_400 ? throw Validate.BadRequest(string.Create(CultureInfo.InvariantCulture,
            $"{prefix}_window_seconds must be more than 0 and at most 86400 (got {seconds})."))
        : new RateLimit(limit ?? current.Limit, seconds is { } s ? TimeSpan.FromSeconds(s) : current.Window);

    private static ApiResponse Response(RateLimiter limits) => ApiResponse.Plain(200, w =>
    {
        w.WriteBoolean("enabled", limits.Enabled);
        w.WriteNumber("per_email_limit", limits.PerEmail.Limit);
        w.WriteNumber("per_email_window_seconds", limits.PerEmail.Window.TotalSeconds);
        w.WriteNumber("per_endpoint_limit", limits.PerEndpoint.Limit);
        w.WriteNumber("per_endpoint_window_seconds", limits.PerEndpoint.Window.TotalSeconds);
    });
}
