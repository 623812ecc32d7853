using System.Text.Json.Serialization;

namespace Stytch.Fake.Products.B2B.Totps.Wire;

/// <summary><c>POST /v1/b2b/totp</c>.</summary>
internal sealed record B2BTotpCreateRequest(
    string? OrganizationId,
    string? MemberId,
    int? ExpirationMinutes,
    string? IntermediateSessionToken,
    string? SessionToken,
    string? SessionJwt);

/// <summary>The B2B TOTP request records' source-generated type info (authenticate shares SMS authenticate's record).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BTotpCreateRequest))]
internal sealed partial class B2BTotpRequestJson : JsonSerializerContext;
