using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.Consumer.Sessions;

namespace Stytch.Fake.Products.Consumer.Sessions.Wire;

// The sessions request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/sessions/authenticate</c>.</summary>
internal sealed record SessionAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<ConsumerAuthorizationCheckJson.Rule>] JsonElement? AuthorizationCheck,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes);

/// <summary><c>POST /v1/sessions/revoke</c>.</summary>
internal sealed record SessionRevokeRequest(string? SessionId, string? SessionToken, string? SessionJwt);

/// <summary>
/// The consumer <c>authorization_check</c> (api_session_v1_AuthorizationCheck): <c>{resource_id, action}</c>, both
/// required; read by <see cref="Read"/> as <see cref="Stytch.Fake.Http.Binding.BodyRuleAttribute{TRule}"/> checks it.
/// </summary>
internal static class ConsumerAuthorizationCheckJson
{
    private const string Name = "authorization_check";

    /// <summary>The check, or null when absent or JSON null; other members are unknown fields, a wrong type a <c>bad_request</c>.</summary>
    public static ConsumerAuthorizationCheck? Read(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
        {
            return null;
        }

        BodyObjects.KnownMembers(e, Name, "an object with resource_id and action", unknowns, "resource_id", "action");
        return new ConsumerAuthorizationCheck(BodyObjects.RequiredString(e, "resource_id", Name), BodyObjects.RequiredString(e, "action", Name));
    }

    /// <summary>Binds <c>authorization_check</c> by <see cref="Read"/>.</summary>
    internal sealed class Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Read(value, fields);
    }
}

/// <summary>The sessions request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SessionAuthenticateRequest))]
[JsonSerializable(typeof(SessionRevokeRequest))]
internal sealed partial class SessionRequestJson : JsonSerializerContext;
