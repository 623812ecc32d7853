using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Consumer.MagicLinks.Wire;

// The consumer magic-link request bodies (see RequestBinder), with the fields of the spec's request schemas and of the
// official SDKs (stytch-node's MagicLinks* request types): each member in the order its errors are met.

/// <summary>What both email magic-link sends take besides the email.</summary>
internal interface IMagicLinkEmailOptions
{
    string? LoginMagicLinkUrl { get; }
    string? SignupMagicLinkUrl { get; }
    int? LoginExpirationMinutes { get; }
    int? SignupExpirationMinutes { get; }
    string? LoginTemplateId { get; }
    string? SignupTemplateId { get; }
    string? CodeChallenge { get; }
    string? Locale { get; }
    JsonElement? Attributes { get; }
}

/// <summary><c>POST /v1/magic_links/email/login_or_create</c>.</summary>
internal sealed record MagicLinkLoginOrCreateRequest(
    string? Email,
    string? LoginMagicLinkUrl,
    string? SignupMagicLinkUrl,
    int? LoginExpirationMinutes,
    int? SignupExpirationMinutes,
    string? LoginTemplateId,
    string? SignupTemplateId,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    bool? CreateUserAsPending,
    string? CodeChallenge,
    string? Locale) : IMagicLinkEmailOptions;

/// <summary>
/// <c>POST /v1/magic_links/email/send</c>. <c>user_id</c>, <c>session_token</c> and <c>session_jwt</c> add the email to an
/// existing user at Stytch; the fake's users have one email each, so only their types are checked.
/// </summary>
internal sealed record MagicLinkSendRequest(
    string? Email,
    string? LoginTemplateId,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    string? LoginMagicLinkUrl,
    string? SignupMagicLinkUrl,
    int? LoginExpirationMinutes,
    int? SignupExpirationMinutes,
    string? CodeChallenge,
    string? UserId,
    string? SessionToken,
    string? SessionJwt,
    string? Locale,
    string? SignupTemplateId) : IMagicLinkEmailOptions;

/// <summary>
/// <c>POST /v1/magic_links/email/invite</c>. <c>name</c>, <c>trusted_metadata</c> and <c>untrusted_metadata</c> must be
/// objects; the fake's users keep neither names nor metadata.
/// </summary>
internal sealed record MagicLinkInviteRequest(
    string? Email,
    string? InviteTemplateId,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    [property: BodyRule<AnyObject>] JsonElement? Name,
    string? InviteMagicLinkUrl,
    int? InviteExpirationMinutes,
    string? Locale,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata);

/// <summary><c>POST /v1/magic_links/email/revoke_invite</c>.</summary>
internal sealed record MagicLinkRevokeInviteRequest(string? Email);

/// <summary><c>POST /v1/magic_links</c>: an embeddable link for a user.</summary>
internal sealed record MagicLinkCreateRequest(
    [property: BodyRequired("invalid_user_id")] string? UserId,
    int? ExpirationMinutes,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes);

/// <summary>
/// <c>POST /v1/magic_links/authenticate</c>, as the official SDKs send it (<c>token</c>, <c>code_verifier</c>; the spec's
/// request schema is B2B's); <c>telemetry_id</c> is type-checked only.
/// </summary>
internal sealed record MagicLinkAuthenticateRequest(
    [property: BodyRequired("bad_request", Message = "token is required: the token from the magic link's URL.")] string? Token,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    [property: BodyRule<AttributesJson.OptionsRule>] JsonElement? Options,
    string? SessionToken,
    int? SessionDurationMinutes,
    string? SessionJwt,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? CodeVerifier,
    string? TelemetryId);

/// <summary>The consumer magic-link request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MagicLinkLoginOrCreateRequest))]
[JsonSerializable(typeof(MagicLinkSendRequest))]
[JsonSerializable(typeof(MagicLinkInviteRequest))]
[JsonSerializable(typeof(MagicLinkRevokeInviteRequest))]
[JsonSerializable(typeof(MagicLinkCreateRequest))]
[JsonSerializable(typeof(MagicLinkAuthenticateRequest))]
internal sealed partial class MagicLinkRequestJson : JsonSerializerContext;
