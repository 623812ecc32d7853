using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Admin.Wire;

// The back doors' request bodies (see RequestBinder): each member in the order its errors are met. Back-door bodies
// refuse fields they do not name, so each record is also the whole of what its back door accepts.

/// <summary><c>POST /_fake/v1/projects</c>: the new project's options; each is optional.</summary>
internal sealed record CreateProjectRequest(
    string? ProjectId, string? Secret, int? Seed, bool? Live, bool? StrictFields, string? PublicToken, string[]? AllowedOrigins, bool? AllowLoopbackOrigins);

/// <summary><c>POST …/clock/advance</c>.</summary>
internal sealed record ClockAdvanceRequest(
    [property: BodyRequired("bad_request", Message = "seconds is required: how far to move the clock forward.")] double? Seconds);

/// <summary><c>POST …/clock/set</c>.</summary>
internal sealed record ClockSetRequest(
    [property: BodyRequired("bad_request", Message = "now is required: an ISO 8601 time such as 2030-01-01T00:00:00Z.")] string? Now);

/// <summary><c>POST …/seed</c>: two arrays of objects, whose items <see cref="SeedEndpoint"/> reads with its own messages.</summary>
internal sealed record SeedRequest(JsonElement? Organizations, JsonElement? Users);

/// <summary><c>POST …/rate_limits</c>: what to change; an absent member keeps its value. The ranges are checked once every member has its type.</summary>
internal sealed record RateLimitsRequest(
    int? PerEmailLimit,
    double? PerEmailWindowSeconds,
    int? PerEndpointLimit,
    double? PerEndpointWindowSeconds,
    bool? Enabled);

/// <summary><c>POST …/faults</c>: one rule. Which members go together, and their ranges, are checked once every member has its type.</summary>
internal sealed record AddFaultRequest(
    [property: BodyRequired("bad_request", Message = "endpoint is required: an endpoint name such as otps.email.login_or_create, or *.")] string? Endpoint,
    string? ErrorType,
    int? StatusCode,
    bool? DropConnection,
    int? LatencyMs,
    int? Times,
    double? Probability,
    string? Body,
    string? EmailAddress);

/// <summary><c>PUT …/redirect_urls</c>: the whole list, an array of objects that <see cref="RedirectUrlEndpoints"/> reads with its own messages.</summary>
internal sealed record SetRedirectUrlsRequest(
    [property: BodyRequired("bad_request", Message = "redirect_urls is required: an array of {url, type, is_default}.")] JsonElement? RedirectUrls);

/// <summary><c>POST …/redirect_urls</c>: one URL to allow.</summary>
internal sealed record AddRedirectUrlRequest(
    [property: BodyRequired("bad_request", Message = "url is required: an absolute http or https URL.")] string? Url,
    [property: BodyRequired("bad_request", Message = "type is required: login, signup, invite, discovery or reset_password.")] string? Type,
    bool? IsDefault);

/// <summary>The back doors' request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(ClockAdvanceRequest))]
[JsonSerializable(typeof(ClockSetRequest))]
[JsonSerializable(typeof(SeedRequest))]
[JsonSerializable(typeof(RateLimitsRequest))]
[JsonSerializable(typeof(AddFaultRequest))]
[JsonSerializable(typeof(SetRedirectUrlsRequest))]
[JsonSerializable(typeof(AddRedirectUrlRequest))]
internal sealed partial class AdminRequestJson : JsonSerializerContext;
