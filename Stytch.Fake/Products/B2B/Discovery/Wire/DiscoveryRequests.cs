using System.Text.Json.Serialization;

namespace Stytch.Fake.Products.B2B.Discovery.Wire;

// The discovery request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/otps/email/discovery/send</c>.</summary>
internal sealed record DiscoveryOtpSendRequest(string? EmailAddress, string? LoginTemplateId, string? Locale, int? DiscoveryExpirationMinutes);

/// <summary><c>POST /v1/b2b/otps/email/discovery/authenticate</c>.</summary>
internal sealed record DiscoveryOtpAuthenticateRequest(string? EmailAddress, string? Code);

/// <summary><c>POST /v1/b2b/discovery/organizations</c>: exactly one of the three.</summary>
internal sealed record DiscoveryListRequest(string? IntermediateSessionToken, string? SessionToken, string? SessionJwt);

/// <summary><c>POST /v1/b2b/magic_links/email/discovery/send</c>.</summary>
internal sealed record DiscoveryLinkSendRequest(
    string? EmailAddress,
    string? DiscoveryRedirectUrl,
    string? PkceCodeChallenge,
    string? LoginTemplateId,
    string? Locale,
    int? DiscoveryExpirationMinutes);

/// <summary><c>POST /v1/b2b/magic_links/discovery/authenticate</c>.</summary>
internal sealed record DiscoveryLinkAuthenticateRequest(string? DiscoveryMagicLinksToken, string? PkceCodeVerifier);

/// <summary>The discovery request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DiscoveryOtpSendRequest))]
[JsonSerializable(typeof(DiscoveryOtpAuthenticateRequest))]
[JsonSerializable(typeof(DiscoveryListRequest))]
[JsonSerializable(typeof(DiscoveryLinkSendRequest))]
[JsonSerializable(typeof(DiscoveryLinkAuthenticateRequest))]
internal sealed partial class DiscoveryRequestJson : JsonSerializerContext;
