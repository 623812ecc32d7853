
namespace Stytch.Fake.Http;

/// <summary>
/// The session a <c>sessions/authenticate</c> call names (consumer and B2B alike): exactly one of
/// <c>session_token</c> and <c>session_jwt</c>, the JWT checked and turned into its session id.
/// </summary>
internal sealed record SessionArguments(string? SessionToken, string? SessionId, int? DurationMinutes)
{
    /// <summary>Reads the three fields from the call's <see cref="JsonBody"/>.</summary>
    public static ValueTask<SessionArguments> ReadAsync(ApiCall call) =>
        ResolveAsync(call, call.Json.String("session_token"), call.Json.String("session_jwt"), call.Json.Int("session_duration_minutes"));

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
}
