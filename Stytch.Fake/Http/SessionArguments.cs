using Stytch.Fake.Engine;

namespace Stytch.Fake.Http;

/// <summary>
/// The session a <c>sessions/authenticate</c> call names (consumer and B2B alike): exactly one of
/// <c>session_token</c> and <c>session_jwt</c>, the JWT checked and turned into its session id.
/// </summary>
internal sealed record SessionArguments(string? SessionToken, string? SessionId, int? DurationMinutes)
{
    public static async ValueTask<SessionArguments> ReadAsync(ApiCall call)
    {
        var body = call.Json;
        var token = body.String("session_token");
        var jwt = body.String("session_jwt");
        var duration = body.Int("session_duration_minutes");
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
