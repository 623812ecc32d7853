using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Users;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.Consumer.Sessions;

/// <summary>
/// Consumer sessions (<c>/v1/sessions</c>, and the back doors that mint and list them) over the project's one
/// <see cref="SessionStore{T}"/> of consumer sessions. Products that authenticate a user start or extend sessions
/// through it, inside their own transactions.
/// </summary>
internal sealed class SessionService
{
    private readonly ProjectStore _store;
    private readonly UserService _users;
    private readonly RbacService _rbac;

    public SessionService(ProjectStore store, UserService users, RbacService rbac)
    {
        _store = store;
        _users = users;
        _rbac = rbac;
    }

    private SessionStore<StytchSession> Sessions => _store.Sessions;

    /// <summary>
    /// <c>POST /v1/sessions/authenticate</c> by token or by session id (from a verified JWT), with an optional RBAC check
    /// of the session's roles (<c>stytch_user</c> and the user's own) under the consumer policy; a refused check changes nothing.
    /// </summary>
    /// <exception cref="StytchException"><c>consumer_session_authorization_error</c> when no role grants the check; the session's errors.</exception>
    public SessionAuthenticated Authenticate(string? sessionToken, string? sessionId, int? durationMinutes, IReadOnlyDictionary<string, object?>? customClaims = null, ConsumerAuthorizationCheck? check = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var session = Sessions.Find(sessionToken, sessionId, now);
            var roles = _rbac.UserSessionRoles(session.UserId);
            var verdict = check is null ? null : _rbac.AuthorizeUser(roles, check.ResourceId, check.Action);
            var updated = Sessions.Renew(session, now, durationMinutes, CustomClaims.Merge(session.CustomClaims, customClaims), adjust: s => s with { Roles = roles });
            return new SessionAuthenticated(updated, _users.Public(_users.Require(updated.UserId)), verdict);
        });
    }

    /// <summary><c>POST /v1/sessions/revoke</c>.</summary>
    public void Revoke(string? sessionToken, string? sessionId) =>
        _store.Transact(() => Sessions.Remove(Sessions.Find(sessionToken, sessionId, _store.Clock.Now)));

    /// <summary><c>GET /v1/sessions?user_id=</c>: the user's live sessions, oldest first.</summary>
    public IReadOnlyList<StytchSession> List(string? userId)
    {
        UserService.CheckUserId(userId);
        return _store.Transact(() =>
        {
            _users.Require(userId!);
            return Sessions.Live(_store.Clock.Now, userId);
        });
    }

    /// <summary>Every user's live sessions, oldest first (the back door behind the inbox page).</summary>
    public IReadOnlyList<StytchSession> ListLive() => _store.Transact(() => Sessions.Live(_store.Clock.Now));

    /// <summary>Starts a session for a user without a code, for tests that only need a logged-in user.</summary>
    public StytchSession Mint(string? userId, int durationMinutes)
    {
        UserService.CheckUserId(userId);
        Validate.SessionMinutes(durationMinutes);
        return _store.Transact(() =>
        {
            var user = _users.Require(userId!);
            var now = _store.Clock.Now;
            return Start(user, MintedFactor(user, now), durationMinutes, now, RequestAttributes.None, CustomClaims.None);
        });
    }

    // A minted session shows the factor a real login of this user would most likely have: a code to its first email,
    // or to its first phone for a user with no email (inferred: no code was sent at all).
    private static AuthenticationFactor MintedFactor(UserRecord user, DateTimeOffset now) =>
        user.Emails.Count == 0 && user.Phones.Count > 0
            ? AuthenticationFactor.Of(FactorKind.SmsOtp, null, new FactorPhone(user.Phones[0].PhoneId, user.Phones[0].PhoneNumber), "", now, now)!
            : AuthenticationFactor.EmailOtp(user.EmailId, user.Email, now);

    /// <summary>The session to extend, when a token or an id is given; under the store's lock.</summary>
    public StytchSession? FindToExtend(string? sessionToken, string? sessionId, DateTimeOffset now) =>
        Sessions.FindToExtend(sessionToken, sessionId, now);

    /// <summary>Starts a session of <paramref name="user"/> authenticated by <paramref name="factor"/>; under the store's lock.</summary>
    public StytchSession Start(UserRecord user, AuthenticationFactor factor, int minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Start((id, token) => new StytchSession(id, user.UserId, token, now, now, now.AddMinutes(minutes), [factor], _rbac.UserSessionRoles(user.UserId))
        {
            Attributes = attributes,
            CustomClaims = claims,
        });

    /// <summary>Extends <paramref name="session"/> with <paramref name="factor"/>; under the store's lock.</summary>
    public StytchSession Extend(StytchSession session, AuthenticationFactor factor, int? minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Renew(session, now, minutes, claims, factor, s => s with
        {
            Roles = _rbac.UserSessionRoles(s.UserId),
            // Inferred: a call that sends attributes records them; one that sends none keeps the earlier ones.
            Attributes = attributes.IsEmpty ? s.Attributes : attributes,
        });
}
