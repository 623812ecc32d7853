using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Admin.Wire;

namespace Stytch.Fake.Tests.Binding;

// The back doors' field reads, as their handlers made them before the request records, in their order.
public sealed partial class RequestBinderSamenessTests
{
    /// <summary>
    /// The back doors' reads, as their handlers made them before binding. The rate-limit and fault handlers checked
    /// ranges between some of these reads; those checks now follow the binding, so they are not part of the reading.
    /// </summary>
    private static IEnumerable<Sameness> BackDoorReadings()
    {
        yield return Case("admin.projects.create",
            ["project_id", "secret", "seed", "live", "strict_fields", "public_token", "allowed_origins", "allow_loopback_origins"],
            [("project_id", "\"project-test-1\"")],
            body => Values(body.String("project_id"), body.String("secret"), body.Int("seed"), body.Bool("live") ?? false, body.Bool("strict_fields") ?? false,
                body.String("public_token"), body.StringArray("allowed_origins"), body.Bool("allow_loopback_origins") ?? true),
            AdminRequestJson.Default.CreateProjectRequest,
            r => Values(r.ProjectId, r.Secret, r.Seed, r.Live ?? false, r.StrictFields ?? false, r.PublicToken, r.AllowedOrigins, r.AllowLoopbackOrigins ?? true));

        yield return Case("admin.clock.advance",
            ["seconds"],
            [("seconds", "60")],
            body => Values(body.Number("seconds") ?? throw Validate.BadRequest("seconds is required: how far to move the clock forward.")),
            AdminRequestJson.Default.ClockAdvanceRequest,
            r => Values(r.Seconds));

        yield return Case("admin.clock.set",
            ["now"],
            [("now", "\"2030-01-01T00:00:00Z\"")],
            body => Values(body.String("now") ?? throw Validate.BadRequest("now is required: an ISO 8601 time such as 2030-01-01T00:00:00Z.")),
            AdminRequestJson.Default.ClockSetRequest,
            r => Values(r.Now));

        yield return Case("admin.seed",
            ["organizations", "users"],
            [("users", "[{\"email\":" + Email + "}]")],
            body => Seeded(new SeedRequest(body.Element("organizations"), body.Element("users"))),
            AdminRequestJson.Default.SeedRequest,
            Seeded);

        yield return Case("admin.rate_limits.set",
            ["enabled", "per_email_limit", "per_email_window_seconds", "per_endpoint_limit", "per_endpoint_window_seconds"],
            [("enabled", "true")],
            body => Values(body.Int("per_email_limit"), body.Number("per_email_window_seconds"), body.Int("per_endpoint_limit"),
                body.Number("per_endpoint_window_seconds"), body.Bool("enabled")),
            AdminRequestJson.Default.RateLimitsRequest,
            r => Values(r.PerEmailLimit, r.PerEmailWindowSeconds, r.PerEndpointLimit, r.PerEndpointWindowSeconds, r.Enabled));

        yield return Case("admin.faults.add",
            ["endpoint", "email_address", "error_type", "status_code", "body", "drop_connection", "latency_ms", "times", "probability"],
            [("endpoint", "\"*\""), ("error_type", "\"too_many_requests\"")],
            body => Values(
                body.String("endpoint") ?? throw Validate.BadRequest("endpoint is required: an endpoint name such as otps.email.login_or_create, or *."),
                body.String("error_type"), body.Int("status_code"), body.Bool("drop_connection") ?? false, body.Int("latency_ms") ?? 0, body.Int("times"),
                body.Number("probability"), body.String("body"), body.String("email_address")),
            AdminRequestJson.Default.AddFaultRequest,
            r => Values(r.Endpoint, r.ErrorType, r.StatusCode, r.DropConnection ?? false, r.LatencyMs ?? 0, r.Times, r.Probability, r.Body, r.EmailAddress));
    }

    /// <summary>The seed back door's reading of its two arrays: what each item asks for, or the error it meets first.</summary>
    private static string Seeded(SeedRequest request)
    {
        var spec = SeedEndpoint.Read(request);
        return Values(
            string.Join("; ", (spec.Organizations ?? []).Select(o => Values(o.OrganizationName, o.OrganizationSlug, o.EmailJitProvisioning,
                o.EmailAllowedDomains is { } domains ? string.Join(",", domains) : null, string.Join(",", (o.Members ?? []).Select(m => m.ToString()))))),
            string.Join("; ", (spec.Users ?? []).Select(u => u.ToString())));
    }
}
