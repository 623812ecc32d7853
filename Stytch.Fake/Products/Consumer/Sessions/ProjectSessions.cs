using Stytch.Fake.Products.Consumer.Sessions;

namespace Stytch.Fake;

/// <summary>A project's consumer sessions, read, started and ended in process: <c>project.Sessions</c>.</summary>
public sealed class ProjectSessions
{
    private readonly SessionService _sessions;
    private readonly Func<StytchSession, string> _jwt;

    internal ProjectSessions(SessionService sessions, Func<StytchSession, string> jwt)
    {
        _sessions = sessions;
        _jwt = jwt;
    }

    /// <summary>A user's live sessions, oldest first.</summary>
    /// <exception cref="StytchException">No such user (<c>user_not_found</c>).</exception>
    public IReadOnlyList<StytchSession> Of(string userId) => _sessions.List(userId);

    /// <summary>
    /// Logs a user in without a code round trip: a new session with an email OTP factor, and its token and JWT.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="duration">The session lifetime; 60 minutes when null.</param>
    /// <exception cref="StytchException">No such user (<c>user_not_found</c>), or a lifetime Stytch refuses.</exception>
    public MintedSession Mint(string userId, TimeSpan? duration = null)
    {
        var session = _sessions.Mint(userId, Minutes(duration));
        return new MintedSession(session, session.SessionToken, _jwt(session));
    }

    /// <summary>Revokes one session by id.</summary>
    /// <exception cref="StytchException">No such live session (<c>session_not_found</c>).</exception>
    public void Revoke(string sessionId) => _sessions.Revoke(null, sessionId);

    /// <summary>A minted session's lifetime in whole minutes: 60 when none is given.</summary>
    internal static int Minutes(TimeSpan? duration) => (int)(duration ?? TimeSpan.FromMinutes(60)).TotalMinutes;
}

/// <summary>A session started without a code round trip, with what a client would hold.</summary>
/// <param name="Session">The session.</param>
/// <param name="SessionToken">Its opaque token.</param>
/// <param name="SessionJwt">A fresh five-minute JWT for it.</param>
public sealed record MintedSession(StytchSession Session, string SessionToken, string SessionJwt);
