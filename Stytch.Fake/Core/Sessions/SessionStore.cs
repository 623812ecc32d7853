namespace Stytch.Fake.Core;

/// <summary>What the session store needs of a consumer session or a member session.</summary>
internal interface IStoredSession<TSelf>
    where TSelf : class, IStoredSession<TSelf>
{
    string Id { get; }
    string Token { get; }
    string OwnerId { get; }
    DateTimeOffset StartedAt { get; }
    DateTimeOffset ExpiresAt { get; }
    IReadOnlyList<AuthenticationFactor> Factors { get; }
    IReadOnlyDictionary<string, object?> Claims { get; }

    /// <summary>This session as last accessed at <paramref name="now"/>, with these expiry, factors and claims.</summary>
    TSelf Renewed(DateTimeOffset now, DateTimeOffset expiresAt, IReadOnlyList<AuthenticationFactor> factors, IReadOnlyDictionary<string, object?> claims);
}

/// <summary>
/// The sessions of one audience (consumer sessions or member sessions): start, find by token or id (an expired one is
/// dropped and not found), renew (extend with a factor merged in, move expiry, merge claims), revoke and list. Not
/// thread-safe: run it under the store's lock.
/// </summary>
internal sealed class SessionStore<T>
    where T : class, IStoredSession<T>
{
    private readonly IdFactory _ids;
    private readonly string _idKind;
    private readonly Func<string, bool> _isWellFormedId;
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByToken = new(StringComparer.Ordinal);

    /// <param name="ids">The project's id stream.</param>
    /// <param name="idKind">The id prefix of new sessions, e.g. <c>session</c>.</param>
    /// <param name="isWellFormedId">Whether a session id sent by a caller is one to look up (else <c>invalid_session_id</c>).</param>
    public SessionStore(IdFactory ids, string idKind, Func<string, bool> isWellFormedId)
    {
        _ids = ids;
        _idKind = idKind;
        _isWellFormedId = isWellFormedId;
    }

    /// <summary>Starts a session: <paramref name="create"/> gets its new id and token.</summary>
    public T Start(Func<string, string, T> create)
    {
        // The id before the token: a seeded project draws them in this order.
        var id = _ids.New(_idKind);
        var session = create(id, _ids.NewToken());
        _byId.Add(session.Id, session);
        _idByToken.Add(session.Token, session.Id);
        return session;
    }

    /// <summary>The live session of <paramref name="token"/> (if given) or else <paramref name="sessionId"/>.</summary>
    /// <exception cref="StytchException"><c>invalid_session_token</c>, <c>invalid_session_id</c> or <c>session_not_found</c>.</exception>
    public T Find(string? token, string? sessionId, DateTimeOffset now)
    {
        var id = sessionId;
        if (!string.IsNullOrEmpty(token))
        {
            if (!Validate.IsSessionToken(token))
            {
                throw new StytchException(StytchError.InvalidSessionToken);
            }

            id = _idByToken.GetValueOrDefault(token);
        }
        else if (!string.IsNullOrEmpty(sessionId) && !_isWellFormedId(sessionId))
        {
            throw new StytchException(StytchError.InvalidSessionId);
        }

        if (id is null || !_byId.TryGetValue(id, out var session))
        {
            throw new StytchException(StytchError.SessionNotFound);
        }

        if (session.ExpiresAt <= now)
        {
            Remove(session);
            throw new StytchException(StytchError.SessionNotFound);
        }

        return session;
    }

    /// <summary><see cref="Find"/> when a token or an id is given (a session to extend); null when neither is.</summary>
    public T? FindToExtend(string? token, string? sessionId, DateTimeOffset now) =>
        string.IsNullOrEmpty(token) && string.IsNullOrEmpty(sessionId) ? null : Find(token, sessionId, now);

    /// <summary>
    /// Renews <paramref name="session"/> at <paramref name="now"/>: its expiry moves to <paramref name="minutes"/> from now
    /// when given, <paramref name="factor"/> (if any) replaces the same factor (keeping when that was first added) or
    /// joins the list, the claims become <paramref name="claims"/>, and <paramref name="adjust"/> changes what else the
    /// audience keeps. The result is stored and returned.
    /// </summary>
    public T Renew(T session, DateTimeOffset now, int? minutes, IReadOnlyDictionary<string, object?> claims, AuthenticationFactor? factor = null, Func<T, T>? adjust = null)
    {
        var factors = factor is null ? session.Factors : Merge(session.Factors, factor);
        var renewed = session.Renewed(now, minutes is { } m ? now.AddMinutes(m) : session.ExpiresAt, factors, claims);
        if (adjust is not null)
        {
            renewed = adjust(renewed);
        }

        _byId[renewed.Id] = renewed;
        return renewed;
    }

    /// <summary>Revokes one session.</summary>
    public void Remove(T session)
    {
        _byId.Remove(session.Id);
        _idByToken.Remove(session.Token);
    }

    /// <summary>Revokes every session of <paramref name="ownerId"/>.</summary>
    public void RemoveOwnedBy(string ownerId)
    {
        foreach (var session in _byId.Values.Where(s => s.OwnerId == ownerId).ToArray())
        {
            Remove(session);
        }
    }

    /// <summary>The sessions live at <paramref name="now"/> (of <paramref name="ownerId"/>, when given), oldest first.</summary>
    public IReadOnlyList<T> Live(DateTimeOffset now, string? ownerId = null) =>
        _byId.Values.Where(s => s.ExpiresAt > now && (ownerId is null || s.OwnerId == ownerId)).OrderBy(s => s.StartedAt).ToArray();

    /// <summary>Every session held, expired ones too, oldest first (for snapshots).</summary>
    public IReadOnlyList<T> All() => _byId.Values.OrderBy(s => s.StartedAt).ToArray();

    /// <summary>Puts back a session as a snapshot holds it.</summary>
    public void Load(T session)
    {
        _byId[session.Id] = session;
        _idByToken[session.Token] = session.Id;
    }

    public void Clear()
    {
        _byId.Clear();
        _idByToken.Clear();
    }

    private static List<AuthenticationFactor> Merge(IReadOnlyList<AuthenticationFactor> factors, AuthenticationFactor factor)
    {
        var previous = factors.FirstOrDefault(f => f.IsSameFactorAs(factor));
        var merged = factors.Where(f => f != previous).ToList();
        merged.Add(previous is null ? factor : factor with { CreatedAt = previous.CreatedAt });
        return merged;
    }
}
