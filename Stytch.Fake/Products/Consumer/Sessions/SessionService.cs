using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.Sessions;

/// <summary>
/// Consumer sessions (<c>/v1/sessions</c>, and the back doors that mint and list them) over the project's one
/// <see cref="SessionStore{T}"/> of consumer sessions. Products that authenticate a user start or extend sessions
/// through it, inside their own transactions.
/// </summary>
internal sealed class SessionService
{
    private static readonly string[] ConsumerRoles = ["stytch_user"];

    private readonly ProjectStore _store;
    private readonly UserService _users;

    public SessionService(ProjectStore store, UserService users)
    {
        _store = store;
        _users = users;
    }

    private SessionStore<StytchSession> Sessions => _store.Sessions;

    /// <summary><c>POST /v1/sessions/authenticate</c> by token or by session id (from a verified JWT).</summary>
    public SessionAuthenticated Authenticate(string? sessionToken, string? sessionId, int? durationMinutes, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var session = Sessions.Find(sessionToken, sessionId, now);
            var updated = Sessions.Renew(session, now, durationMinutes, CustomClaims.Merge(session.CustomClaims, customClaims));
            return new SessionAuthenticated(updated, _users.Require(updated.UserId).ToPublic());
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
            return Start(user, AuthenticationFactor.EmailOtp(user.EmailId, user.Email, now), durationMinutes, now, RequestAttributes.None, CustomClaims.None);
        });
    }

    /// <summary>The session to extend, when a token or an id is given; under the store's lock.</summary>
    public StytchSession? FindToExtend(string? sessionToken, string? sessionId, DateTimeOffset now) =>
        Sessions.FindToExtend(sessionToken, sessionId, now);

    /// <summary>Starts a session of <paramref name="user"/> authenticated by <paramref name="factor"/>; under the store's lock.</summary>
    public StytchSession Start(UserRecord user, AuthenticationFactor factor, int minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Start((id, token) => new StytchSession(id, user.UserId, token, now, now, now.AddMinutes(minutes), [factor], ConsumerRoles)
        {
            Attributes = attributes,
            CustomClaims = claims,
        });

    /// <summary>Extends <paramref name="session"/> with <paramref name="factor"/>; under the store's lock.</summary>
    public StytchSession Extend(StytchSession session, AuthenticationFactor factor, int? minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Renew(session, now, minutes, claims, factor, s => s with
        {
            // Inferred: a call that sends attributes records them; one that sends none keeps the earlier ones.
            Attributes = attributes.IsEmpty ? s.Attributes : attributes,
        });
}
