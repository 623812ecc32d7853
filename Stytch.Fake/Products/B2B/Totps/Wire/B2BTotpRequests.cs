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

/// <summary><c>POST /v1/b2b/totp/migrate</c>.</summary>
internal sealed record B2BTotpMigrateRequest(string? OrganizationId, string? MemberId, string? Secret, string[]? RecoveryCodes);

/// <summary>The B2B TOTP request records' source-generated type info (authenticate shares SMS authenticate's record).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BTotpCreateRequest))]
[JsonSerializable(typeof(B2BTotpMigrateRequest))]
internal sealed partial class B2BTotpRequestJson : JsonSerializerContext;
