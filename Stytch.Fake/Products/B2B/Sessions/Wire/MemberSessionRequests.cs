using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.Sessions.Wire;

// The member session request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/sessions/authenticate</c>.</summary>
internal sealed record MemberSessionAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<AuthorizationCheckJson.Rule>] JsonElement? AuthorizationCheck,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes);

/// <summary><c>POST /v1/b2b/sessions/revoke</c>: exactly one of the four.</summary>
internal sealed record MemberSessionRevokeRequest(string? MemberSessionId, string? SessionToken, string? SessionJwt, string? MemberId);

/// <summary><c>POST /v1/b2b/sessions/exchange</c>: exactly one of the token and the JWT; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record MemberSessionExchangeRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? OrganizationId,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes,
    string? Locale);

/// <summary>
/// The <c>authorization_check</c> of <c>sessions/authenticate</c>, read into its engine record. A request record declares
/// it as a <c>JsonElement?</c> member marked <c>[BodyRule&lt;AuthorizationCheckJson.Rule&gt;]</c>, and its handler reads
/// the bound element with <see cref="Read"/>.
/// </summary>
internal static class AuthorizationCheckJson
{
    private const string Name = "authorization_check";

    /// <summary>
    /// <c>{organization_id, resource_id, action}</c>, all required; null when absent or JSON null. Other members are
    /// unknown fields (given to <paramref name="unknowns"/>, if any); a wrong type is a <c>bad_request</c> naming its path.
    /// </summary>
    public static AuthorizationCheck? Read(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
        {
            return null;
        }

        BodyObjects.KnownMembers(e, Name, "an object with organization_id, resource_id and action", unknowns, "organization_id", "resource_id", "action");
        return new AuthorizationCheck(
            BodyObjects.RequiredString(e, "organization_id", Name), BodyObjects.RequiredString(e, "resource_id", Name), BodyObjects.RequiredString(e, "action", Name));
    }

    /// <summary>Binds <c>authorization_check</c> by <see cref="Read"/>.</summary>
    internal sealed class Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Read(value, fields);
    }
}

/// <summary>The member session request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MemberSessionAuthenticateRequest))]
[JsonSerializable(typeof(MemberSessionRevokeRequest))]
[JsonSerializable(typeof(MemberSessionExchangeRequest))]
internal sealed partial class MemberSessionRequestJson : JsonSerializerContext;
