using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Sessions;

/// <summary>
/// B2B member sessions (<c>/v1/b2b/sessions</c>, and the back doors that mint and list them) over the project's one
/// <see cref="SessionStore{T}"/> of member sessions. A member session carries its organization's slug and its member's
/// roles as of when it was last authenticated. Products that authenticate a member start or extend sessions through
/// it, inside their own transactions.
/// </summary>
internal sealed class MemberSessionService
{
    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly MemberAuthorization _authorization;

    public MemberSessionService(ProjectStore store, OrganizationService organizations, MemberService members, MemberAuthorization authorization)
    {
        _store = store;
        _organizations = organizations;
        _members = members;
        _authorization = authorization;
        members.Deleting.Add(member => Sessions.RemoveOwnedBy(member.MemberId));
    }

    private SessionStore<MemberSession> Sessions => _store.MemberSessions;

    /// <summary><c>POST /v1/b2b/sessions/authenticate</c> by token or by session id (from a verified JWT), with an optional RBAC check.</summary>
    public MemberSessionAuthenticated Authenticate(string? sessionToken, string? sessionId, int? durationMinutes, AuthorizationCheck? check, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var session = Sessions.Find(sessionToken, sessionId, now);
            var member = _members.ById(session.MemberId);
            var organization = _organizations.ById(session.OrganizationId);
            var verdict = check is null ? null : _authorization.Authorize(check, organization, MemberRoles.IdsOf(member, organization));
            var claims = CustomClaims.Merge(session.CustomClaims, customClaims);
            var updated = Sessions.Renew(session, now, durationMinutes, claims, adjust: s => Refreshed(s, member, organization));
            return new MemberSessionAuthenticated(updated, member, organization, verdict);
        });
    }

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> of one session, by token or by id.</summary>
    public void Revoke(string? sessionToken, string? sessionId) =>
        _store.Transact(() => Sessions.Remove(Sessions.Find(sessionToken, sessionId, _store.Clock.Now)));

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> with <c>member_id</c>: every session of the member.</summary>
    public void RevokeAllOf(string? memberId) =>
        _store.Transact(() => Sessions.RemoveOwnedBy(_members.RequireLive(memberId).MemberId));

    /// <summary>A member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> List(string memberId) => _store.Transact(() => Sessions.Live(_store.Clock.Now, memberId));

    /// <summary>
    /// <c>GET /v1/b2b/sessions</c>: the live sessions of the member of the organization (by id, slug or external id) with
    /// this id or external id, oldest first.
    /// </summary>
    public IReadOnlyList<MemberSession> ListOf(string? organizationReference, string? memberReference)
    {
        OrganizationRules.CheckReference(organizationReference);
        return _store.Transact(() =>
        {
            var member = _members.Resolve(_organizations.Resolve(organizationReference), memberReference, includeDeleted: false);
            return Sessions.Live(_store.Clock.Now, member.MemberId);
        });
    }

    /// <summary>Every member's live sessions, oldest first (the back door behind the inbox page).</summary>
    public IReadOnlyList<MemberSession> ListLive() => _store.Transact(() => Sessions.Live(_store.Clock.Now));

    /// <summary>Starts a member session without a code, for tests that only need a logged-in member.</summary>
    public (MemberSession Session, StytchMember Member, StytchOrganization Organization) Mint(string? organizationReference, string? memberReference, int durationMinutes)
    {
        Validate.SessionMinutes(durationMinutes);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            var member = _members.Resolve(organization, memberReference, includeDeleted: false);
            var now = _store.Clock.Now;
            var factor = AuthenticationFactor.EmailOtp(member.EmailId, member.EmailAddress, now);
            return (Start(member, organization, factor, durationMinutes, now, CustomClaims.None), member, organization);
        });
    }

    /// <summary>The session to extend, when a token or an id is given; under the store's lock.</summary>
    public MemberSession? FindToExtend(string? sessionToken, string? sessionId, DateTimeOffset now) =>
        Sessions.FindToExtend(sessionToken, sessionId, now);

    /// <summary>Starts a session of <paramref name="member"/> authenticated by <paramref name="factor"/>; under the store's lock.</summary>
    public MemberSession Start(StytchMember member, StytchOrganization organization, AuthenticationFactor factor, int minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims) =>
        Start(member, organization, [factor], minutes, now, claims);

    /// <summary>Starts a session of <paramref name="member"/> authenticated by every one of <paramref name="factors"/>, oldest first; under the store's lock.</summary>
    public MemberSession Start(StytchMember member, StytchOrganization organization, IReadOnlyList<AuthenticationFactor> factors, int minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Start((id, token) => new MemberSession(
            id, member.MemberId, organization.OrganizationId, organization.OrganizationSlug, token,
            now, now, now.AddMinutes(minutes), factors, MemberRoles.IdsOf(member, organization))
        {
            CustomClaims = claims,
        });

    /// <summary>Extends <paramref name="session"/> with <paramref name="factor"/> (when one), as of its member's current slug and roles; under the store's lock.</summary>
    public MemberSession Extend(MemberSession session, StytchMember member, StytchOrganization organization, AuthenticationFactor? factor, int? minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Renew(session, now, minutes, claims, factor, s => Refreshed(s, member, organization));

    /// <summary>A member session as of its member's and organization's current slug and roles.</summary>
    private static MemberSession Refreshed(MemberSession session, StytchMember member, StytchOrganization organization) => session with
    {
        OrganizationSlug = organization.OrganizationSlug,
        Roles = MemberRoles.IdsOf(member, organization),
    };
}
