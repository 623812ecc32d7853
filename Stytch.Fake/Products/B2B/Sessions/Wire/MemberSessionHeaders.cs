using Stytch.Fake.Http;

namespace Stytch.Fake.Products.B2B.Sessions.Wire;

/// <summary>
/// The member session a B2B call is made with: <c>X-Stytch-Member-Session</c> (a session token) or
/// <c>X-Stytch-Member-SessionJWT</c> (a session JWT, verified here), on the organization, member and session endpoints
/// whose spec lists them. With one, the call runs with that member's permissions
/// (<see cref="MemberAuthorization.AsMember{T}"/>); without, with the project's.
/// </summary>
internal static class MemberSessionHeaders
{
    public const string Token = "X-Stytch-Member-Session";
    public const string Jwt = "X-Stytch-Member-SessionJWT";

    /// <summary>The actor the headers name, or null when neither is sent.</summary>
    /// <exception cref="StytchException">
    /// Both are sent (<c>too_many_session_arguments</c>, inferred); the JWT is not the project's (<c>unable_to_parse_session_jwt</c>).
    /// </exception>
    public static async ValueTask<MemberActor?> ReadAsync(ApiCall call)
    {
        var token = call.Header(Token);
        var jwt = call.Header(Jwt);
        if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(jwt))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(jwt))
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        var sessionId = string.IsNullOrEmpty(jwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        return new MemberActor(string.IsNullOrEmpty(token) ? null : token, sessionId);
    }
}
