using Stytch.Fake.Core;

namespace Stytch.Fake;

/// <summary>A consumer session.</summary>
/// <param name="SessionId">The <c>session-test-…</c> id.</param>
/// <param name="UserId">Whose session it is.</param>
/// <param name="SessionToken">The opaque token the client holds.</param>
/// <param name="StartedAt">When the session was created.</param>
/// <param name="LastAccessedAt">When it was last authenticated or extended.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="AuthenticationFactors">The factors it was authenticated with.</param>
/// <param name="Roles">Its RBAC roles (<c>stytch_user</c> for every user).</param>
public sealed record StytchSession(
    string SessionId,
    string UserId,
    string SessionToken,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<AuthenticationFactor> AuthenticationFactors,
    IReadOnlyList<string> Roles) : IStoredSession<StytchSession>
{
    /// <summary>The attributes of the authenticate call that started (or last extended) the session.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;

    /// <summary>The session's custom claims (see <c>session_custom_claims</c>): null, bool, double, string, lists and maps.</summary>
    public IReadOnlyDictionary<string, object?> CustomClaims { get; init; } = Core.CustomClaims.None;

    string IStoredSession<StytchSession>.Id => SessionId;
    string IStoredSession<StytchSession>.Token => SessionToken;
    string IStoredSession<StytchSession>.OwnerId => UserId;
    IReadOnlyList<AuthenticationFactor> IStoredSession<StytchSession>.Factors => AuthenticationFactors;
    IReadOnlyDictionary<string, object?> IStoredSession<StytchSession>.Claims => CustomClaims;

    StytchSession IStoredSession<StytchSession>.Renewed(DateTimeOffset now, DateTimeOffset expiresAt, IReadOnlyList<AuthenticationFactor> factors, IReadOnlyDictionary<string, object?> claims) =>
        this with { LastAccessedAt = now, ExpiresAt = expiresAt, AuthenticationFactors = factors, CustomClaims = claims };
}

/// <summary>A B2B member session.</summary>
/// <param name="MemberSessionId">The <c>member-session-test-…</c> id.</param>
/// <param name="MemberId">Whose session it is.</param>
/// <param name="OrganizationId">The member's organization.</param>
/// <param name="OrganizationSlug">The organization's slug when the session was last authenticated.</param>
/// <param name="SessionToken">The opaque token the client holds.</param>
/// <param name="StartedAt">When the session was created.</param>
/// <param name="LastAccessedAt">When it was last authenticated or extended.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="AuthenticationFactors">The factors it was authenticated with.</param>
/// <param name="Roles">The member's role ids when the session was last authenticated.</param>
public sealed record MemberSession(
    string MemberSessionId,
    string MemberId,
    string OrganizationId,
    string OrganizationSlug,
    string SessionToken,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<AuthenticationFactor> AuthenticationFactors,
    IReadOnlyList<string> Roles) : IStoredSession<MemberSession>
{
    /// <summary>The session's custom claims (see <c>session_custom_claims</c>): null, bool, double, string, lists and maps.</summary>
    public IReadOnlyDictionary<string, object?> CustomClaims { get; init; } = Core.CustomClaims.None;

    string IStoredSession<MemberSession>.Id => MemberSessionId;
    string IStoredSession<MemberSession>.Token => SessionToken;
    string IStoredSession<MemberSession>.OwnerId => MemberId;
    IReadOnlyList<AuthenticationFactor> IStoredSession<MemberSession>.Factors => AuthenticationFactors;
    IReadOnlyDictionary<string, object?> IStoredSession<MemberSession>.Claims => CustomClaims;

    MemberSession IStoredSession<MemberSession>.Renewed(DateTimeOffset now, DateTimeOffset expiresAt, IReadOnlyList<AuthenticationFactor> factors, IReadOnlyDictionary<string, object?> claims) =>
        this with { LastAccessedAt = now, ExpiresAt = expiresAt, AuthenticationFactors = factors, CustomClaims = claims };
}
