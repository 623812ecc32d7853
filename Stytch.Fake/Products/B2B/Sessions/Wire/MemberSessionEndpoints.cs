using System.Text.Json;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.Sessions.Wire;

/// <summary>
/// The B2B member session endpoints: authenticate (with an optional authorization check) and revoke, which takes the
/// member session headers (<see cref="MemberSessionHeaders"/>) and then needs <c>revoke-sessions</c>; exchange into
/// another organization of the same email; and a member's live sessions.
/// </summary>
internal static class MemberSessionEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("b2b.sessions.authenticate", "/v1/b2b/sessions/authenticate", MemberSessionRequestJson.Default.MemberSessionAuthenticateRequest, Authenticate),
        Endpoint.PostAsync("b2b.sessions.revoke", "/v1/b2b/sessions/revoke", MemberSessionRequestJson.Default.MemberSessionRevokeRequest, Revoke),
        Endpoint.PostAsync("b2b.sessions.exchange", "/v1/b2b/sessions/exchange", MemberSessionRequestJson.Default.MemberSessionExchangeRequest, ExchangeAsync),
        Endpoint.Get("b2b.sessions.get", "/v1/b2b/sessions", List),
    ];

    private static async ValueTask<ApiResponse> ExchangeAsync(ApiCall call, MemberSessionExchangeRequest request)
    {
        var claims = ClaimsJson.Read(request.SessionCustomClaims);
        var (token, sessionId, duration) = await SessionArguments.ResolveAsync(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes).ConfigureAwait(false);
        var login = call.Project.B2BProducts.SessionExchange.Exchange(new SessionExchangeCommand
        {
            OrganizationId = request.OrganizationId,
            SessionToken = token,
            SessionId = sessionId,
            SessionDurationMinutes = duration,
            CustomClaims = claims,
            Locale = request.Locale,
        });
        return await B2BLoginWire.RespondWithoutOrganizationIdAsync(call, login).ConfigureAwait(false);
    }

    private static ApiResponse List(ApiCall call)
    {
        var sessions = call.Project.B2BProducts.Sessions.ListOf(call.Query("organization_id"), call.Query("member_id"));
        return ApiResponse.Ok(call.RequestId, w => MemberSessionWire.WriteArray(w, "member_sessions", sessions));
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, MemberSessionAuthenticateRequest request)
    {
        var claims = ClaimsJson.Read(request.SessionCustomClaims);
        var check = AuthorizationCheckJson.Read(request.AuthorizationCheck);
        var (token, sessionId, duration) = await SessionArguments.ResolveAsync(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes).ConfigureAwait(false);
        var result = call.Project.B2BProducts.Sessions.Authenticate(token, sessionId, duration, check, claims);
        var newJwt = await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            MemberSessionWire.Write(w, result.Session);
            w.WriteString("session_token", result.Session.SessionToken);
            w.WriteString("session_jwt", newJwt);
            MemberWire.Write(w, "member", result.Member, result.Organization);
            OrganizationWire.Write(w, "organization", result.Organization);
            if (result.Verdict is { } verdict)
            {
                w.WritePropertyName("verdict");
                JsonSerializer.Serialize(w, new WireVerdict(verdict.Authorized, [.. verdict.GrantingRoles]), MemberSessionWireJson.Default.WireVerdict);
            }
        });
    }

    private static async ValueTask<ApiResponse> Revoke(ApiCall call, MemberSessionRevokeRequest request)
    {
        var (id, token, jwt, memberId) = (request.MemberSessionId, request.SessionToken, request.SessionJwt, request.MemberId);
        SessionArguments.CheckRevokeArguments(id, token, jwt, memberId);
        var sessionId = string.IsNullOrEmpty(jwt) ? id : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var b2b = call.Project.B2BProducts;
        // Inferred: the member whose sessions go must be of the actor's organization, as on the member endpoints.
        b2b.Authorization.AsMember(actor, [], () => b2b.Authorization.SessionOwnerOf(memberId, token, sessionId), Rbac.MemberPermissions.SessionRevoke, () =>
        {
            if (!string.IsNullOrEmpty(memberId))
            {
                b2b.Sessions.RevokeAllOf(memberId);
            }
            else
            {
                b2b.Sessions.Revoke(token, sessionId);
            }

            return true;
        });

        return ApiResponse.Ok(call.RequestId, _ => { });
    }
}
