using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Consumer.Sessions.Wire;

// The sessions request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/sessions/authenticate</c>; only the type of <c>authorization_check</c> is checked.</summary>
internal sealed record SessionAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<AnyObject>] JsonElement? AuthorizationCheck,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes);

/// <summary><c>POST /v1/sessions/revoke</c>.</summary>
internal sealed record SessionRevokeRequest(string? SessionId, string? SessionToken, string? SessionJwt);

/// <summary>The sessions request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SessionAuthenticateRequest))]
[JsonSerializable(typeof(SessionRevokeRequest))]
internal sealed partial class SessionRequestJson : JsonSerializerContext;
