
namespace Stytch.Fake.Http;

/// <summary>
/// The session a <c>sessions/authenticate</c> call names (consumer and B2B alike): exactly one of
/// <c>session_token</c> and <c>session_jwt</c>, the JWT checked and turned into its session id.
/// </summary>
internal sealed record SessionArguments(string? SessionToken, string? SessionId, int? DurationMinutes)
{
    /// <summary>Checks the fields a request record bound: exactly one of the token and the JWT, the JWT turned into its session id.</summary>
    public static async ValueTask<SessionArguments> ResolveAsync(ApiCall call, string? token, string? jwt, int? duration)
    {
        if (!string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(jwt))
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(jwt))
        {
            throw new StytchException(StytchError.NoSessionArguments);
        }

        var sessionId = string.IsNullOrEmpty(jwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        return new SessionArguments(token, sessionId, duration);
    }

    /// <summary>A <c>sessions/revoke</c> call (consumer and B2B alike) names exactly one session, or one member's sessions.</summary>
    public static void CheckRevokeArguments(params string?[] given)
    {
        var count = given.Count(v => !string.IsNullOrEmpty(v));
        if (count > 1)
        {
            throw new StytchException(StytchError.TooManySessionRevokeArguments);
        }

        if (count == 0)
        {
            throw new StytchException(StytchError.NoSessionRevokeArguments);
        }
    }
}
