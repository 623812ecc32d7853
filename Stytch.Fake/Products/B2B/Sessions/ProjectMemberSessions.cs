using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake;

/// <summary>A project's member sessions, read, started and ended in process: <c>project.B2B.Sessions</c>.</summary>
public sealed class ProjectMemberSessions
{
    private readonly MemberSessionService _sessions;
    private readonly Func<MemberSession, string> _jwt;

    internal ProjectMemberSessions(MemberSessionService sessions, Func<MemberSession, string> jwt)
    {
        _sessions = sessions;
        _jwt = jwt;
    }

    /// <summary>A member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> Of(string memberId) => _sessions.List(memberId);

    /// <summary>
    /// Logs a member in without a code round trip: a new member session with an email OTP factor, and its token and JWT.
    /// </summary>
    /// <param name="organization">The organization id, slug or external id.</param>
    /// <param name="member">The member id or external id.</param>
    /// <param name="duration">The session lifetime; 60 minutes when null.</param>
    /// <exception cref="StytchException">No such organization or live member, or a lifetime Stytch refuses.</exception>
    public MintedMemberSession Mint(string organization, string member, TimeSpan? duration = null)
    {
        var (session, _, _) = _sessions.Mint(organization, member, ProjectSessions.Minutes(duration));
        return new MintedMemberSession(session, session.SessionToken, _jwt(session));
    }

    /// <summary>Revokes one member session by id.</summary>
    /// <exception cref="StytchException">No such live session (<c>session_not_found</c>).</exception>
    public void Revoke(string memberSessionId) => _sessions.Revoke(null, memberSessionId);
}

/// <summary>A member session started without a code round trip, with what a client would hold.</summary>
/// <param name="Session">The member session.</param>
/// <param name="SessionToken">Its opaque token.</param>
/// <param name="SessionJwt">A fresh five-minute JWT for it.</param>
public sealed record MintedMemberSession(MemberSession Session, string SessionToken, string SessionJwt);
