using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Sessions;

/// <summary>
/// Proof of the factors a person has shown before a member session exists: after a discovery login (an email, no
/// organization yet), or after a primary factor in an organization that wants more (MFA, or a primary method it
/// allows). Its token is the <c>intermediate_session_token</c> Stytch answers with <c>member_authenticated: false</c>.
/// </summary>
/// <param name="Token">The <c>intermediate_session_token</c>: 44 url-safe characters, as session tokens.</param>
/// <param name="EmailAddress">The verified email address it is for, lower case.</param>
/// <param name="OrganizationId">The organization it is bound to, or null for a discovery session (any organization).</param>
/// <param name="MemberId">The member it is bound to, or null for a discovery session.</param>
/// <param name="Factors">The factors shown so far, oldest first.</param>
/// <param name="CreatedAt">When it was issued, on the project clock.</param>
/// <param name="ExpiresAt">When it stops working: <see cref="IntermediateSessionTable.Lifetime"/> after it was issued.</param>
internal sealed record IntermediateSession(
    string Token,
    string EmailAddress,
    string? OrganizationId,
    string? MemberId,
    IReadOnlyList<AuthenticationFactor> Factors,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>
/// The project's intermediate sessions, by token (<c>store.Part&lt;IntermediateSessionTable&gt;()</c>). An expired one
/// is dropped and not found. Not thread-safe: run it under the store's lock.
/// </summary>
internal sealed class IntermediateSessionTable : IStorePart
{
    /// <summary>
    /// How long an intermediate session lives: 10 minutes (stytch.com/docs/b2b/api/exchange-intermediate-session: "The
    /// intermediate session token is valid for 10 minutes").
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, IntermediateSession> _byToken = new(StringComparer.Ordinal);

    /// <summary>Every intermediate session, live or not yet swept (for snapshots).</summary>
    public IReadOnlyCollection<IntermediateSession> All => _byToken.Values;

    /// <summary>
    /// A new intermediate session for <paramref name="emailAddress"/> with <paramref name="factors"/>, bound to an
    /// organization and member when both are given; its token from the project's id stream.
    /// </summary>
    public IntermediateSession Issue(IdFactory ids, string emailAddress, string? organizationId, string? memberId, IReadOnlyList<AuthenticationFactor> factors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var session = new IntermediateSession(ids.NewToken(), emailAddress, organizationId, memberId, factors, now, now + Lifetime);
        _byToken.Add(session.Token, session);
        return session;
    }

    /// <summary>The live intermediate session of <paramref name="token"/>.</summary>
    /// <exception cref="StytchException"><c>intermediate_session_not_found</c> for a malformed, unknown, used or expired token.</exception>
    public IntermediateSession Find(string? token, DateTimeOffset now) =>
        FindOrDefault(token, now) ?? throw new StytchException(StytchError.IntermediateSessionNotFound);

    /// <summary>The live intermediate session of <paramref name="token"/>, or null.</summary>
    public IntermediateSession? FindOrDefault(string? token, DateTimeOffset now)
    {
        if (token is null || !_byToken.TryGetValue(token, out var session))
        {
            return null;
        }

        if (session.ExpiresAt <= now)
        {
            _byToken.Remove(token);
            return null;
        }

        return session;
    }

    /// <summary>Replaces a session with one that has more factors or a binding (same token and expiry).</summary>
    public IntermediateSession Replace(IntermediateSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _byToken[session.Token] = session;
        return session;
    }

    /// <summary>Ends an intermediate session: once exchanged for a member session it is used up.</summary>
    public void Remove(string token) => _byToken.Remove(token);

    /// <summary>Ends every intermediate session <paramref name="match"/> picks (a deleted member's or organization's).</summary>
    public void RemoveWhere(Func<IntermediateSession, bool> match)
    {
        foreach (var token in _byToken.Values.Where(match).Select(s => s.Token).ToArray())
        {
            _byToken.Remove(token);
        }
    }

    /// <summary>Puts back a snapshot's session; under the store's lock.</summary>
    public void Load(IntermediateSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _byToken[session.Token] = session;
    }

    /// <inheritdoc/>
    public void Clear() => _byToken.Clear();
}
