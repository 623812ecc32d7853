using Stytch.Fake.Http;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Consumer.Sessions.Wire;

/// <summary>The sessions endpoints, one entry per endpoint (the JWKS is published apart).</summary>
internal static class SessionEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("sessions.authenticate", "/v1/sessions/authenticate", SessionRequestJson.Default.SessionAuthenticateRequest, AuthenticateSession),
        Endpoint.PostAsync("sessions.revoke", "/v1/sessions/revoke", SessionRequestJson.Default.SessionRevokeRequest, RevokeSession),
        Endpoint.Get("sessions.get", "/v1/sessions", ListSessions),
    ];

    private static async ValueTask<ApiResponse> AuthenticateSession(ApiCall call, SessionAuthenticateRequest request)
    {
        var claims = ClaimsJson.Read(request.SessionCustomClaims);
        var check = ConsumerAuthorizationCheckJson.Read(request.AuthorizationCheck);
        var (token, sessionId, duration) = await SessionArguments.ResolveAsync(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes).ConfigureAwait(false);
        var result = call.Project.ConsumerProducts.Sessions.Authenticate(token, sessionId, duration, claims, check);
        var newJwt = await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            SessionWire.Write(w, result.Session);
            w.WriteString("session_token", result.Session.SessionToken);
            w.WriteString("session_jwt", newJwt);
            UserWire.Write(w, "user", result.User);
            if (result.Verdict is { } verdict)
            {
                w.WritePropertyName("verdict");
                w.WriteStartObject();
                w.WriteBoolean("authorized", verdict.Authorized);
                w.WritePropertyName("granting_roles");
                w.WriteStartArray();
                foreach (var role in verdict.GrantingRoles)
                {
                    w.WriteStringValue(role);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        });
    }

    private static async ValueTask<ApiResponse> RevokeSession(ApiCall call, SessionRevokeRequest request)
    {
        var (id, token, jwt) = (request.SessionId, request.SessionToken, request.SessionJwt);
        SessionArguments.CheckRevokeArguments(id, token, jwt);
        var sessionId = string.IsNullOrEmpty(jwt) ? id : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        call.Project.ConsumerProducts.Sessions.Revoke(token, sessionId);
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse ListSessions(ApiCall call)
    {
        var sessions = call.Project.ConsumerProducts.Sessions.List(call.Query("user_id"));
        return ApiResponse.Ok(call.RequestId, w => SessionWire.WriteArray(w, "sessions", sessions));
    }
}
