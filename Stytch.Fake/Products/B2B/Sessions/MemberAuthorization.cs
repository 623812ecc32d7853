using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B.Sessions;

/// <summary>
/// B2B authorization under the project's RBAC policy (<see cref="RbacService"/>: Stytch's default roles, the project's
/// own and the organization's custom roles): the <c>authorization_check</c> of <c>b2b/sessions/authenticate</c>, and the
/// calls made with a member session (<c>X-Stytch-Member-Session</c> / <c>X-Stytch-Member-SessionJWT</c>), which run with
/// that member's permissions (<see cref="MemberPermissions"/>).
/// </summary>
internal sealed class MemberAuthorization
{
    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly RbacService _rbac;

    public MemberAuthorization(ProjectStore store, OrganizationService organizations, MemberService members, RbacService rbac)
    {
        _store = store;
        _organizations = organizations;
        _members = members;
        _rbac = rbac;
    }

    /// <summary>
    /// The <c>authorization_check</c> of a member with <paramref name="roles"/> in <paramref name="organization"/>; under the
    /// store's lock.
    /// </summary>
    /// <exception cref="StytchException">
    /// <c>session_authorization_tenancy_error</c> for another organization, <c>session_authorization_error</c> when no role grants it.
    /// </exception>
    public AuthorizationVerdict Authorize(AuthorizationCheck check, StytchOrganization organization, IReadOnlyList<string> roles)
    {
        if (check.OrganizationId != organization.OrganizationId && check.OrganizationId != organization.OrganizationSlug
            && (organization.OrganizationExternalId.Length == 0 || check.OrganizationId != organization.OrganizationExternalId))
        {
            throw new StytchException(StytchError.SessionAuthorizationTenancyError);
        }

        var granting = PolicyRules.GrantingRoles(_rbac.B2BRolesIn(organization.OrganizationId), roles, check.ResourceId, check.Action);
        return granting.Length > 0
            ? new AuthorizationVerdict(true, granting)
            : throw new StytchException(StytchError.SessionAuthorizationError);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as the member of <paramref name="actor"/>'s session, in one transaction: the session
    /// must be live, every organization the call names must be its member's, and the member's roles must grant every
    /// permission of <paramref name="rule"/> (the <c>stytch.self</c> alternative when <paramref name="target"/> gives the
    /// member's own id). Without an actor, <paramref name="work"/> runs with the project's full rights. A refused call
    /// changes nothing.
    /// </summary>
    /// <exception cref="StytchException">
    /// <c>session_not_found</c>; the organization's own errors; <c>session_authorization_tenancy_error</c> for another
    /// organization; <c>session_authorization_error</c> for a field no member may set or a permission no role grants.
    /// </exception>
    public T AsMember<T>(MemberActor? actor, IReadOnlyList<string?> organizations, Func<string?>? target, MemberCallRule rule, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(work);
        if (actor is null)
        {
            return work();
        }

        return _store.Transact(() =>
        {
            var session = _store.MemberSessions.Find(actor.SessionToken, actor.SessionId, _store.Clock.Now);
            var member = _members.ById(session.MemberId);
            var organization = _organizations.ById(session.OrganizationId);
            // Inferred wording: Stytch's tenancy error names the authorization_check; a header call has none.
            if (organizations.Any(reference => _organizations.Resolve(reference).OrganizationId != organization.OrganizationId))
            {
                throw new StytchException(StytchError.SessionAuthorizationTenancyError with
                {
                    Message = "The Member Session's Organization ID does not match the organization_id of the request.",
                });
            }

            if (rule.ForbiddenField is { } field)
            {
                throw new StytchException(StytchError.SessionAuthorizationError with
                {
                    Message = $"{field} may not be set when the request is made with a Member Session.",
                });
            }

            var targetId = TargetOf(target);
            if (targetId is not null && targetId != member.MemberId && _members.ById(targetId).OrganizationId != organization.OrganizationId)
            {
                throw new StytchException(StytchError.SessionAuthorizationTenancyError with
                {
                    Message = "The Member Session's Organization ID does not match the organization of the member the request names.",
                });
            }

            var self = targetId == member.MemberId;
            var roles = MemberRoles.IdsOf(member, organization);
            var policyRoles = _rbac.B2BRolesIn(organization.OrganizationId);
            foreach (var needed in rule.Permissions)
            {
                var granted = PolicyRules.GrantingRoles(policyRoles, roles, needed.ResourceId, needed.Action).Length > 0
                    || (self && needed.SelfAction is { } action && PolicyRules.GrantingRoles(policyRoles, roles, "stytch.self", action).Length > 0);
                if (!granted)
                {
                    throw new StytchException(StytchError.SessionAuthorizationError);
                }
            }

            return work();
        });
    }

    private static string? TargetOf(Func<string?>? target)
    {
        try
        {
            return target?.Invoke();
        }
        catch (StytchException)
        {
            // An unknown target is not the member itself; the call answers its own error once authorized.
            return null;
        }
    }

    /// <summary>The member id <paramref name="reference"/> names in the organization, for a call's target; under the store's lock.</summary>
    public string? MemberIdOf(string? organizationReference, string? reference) =>
        _members.Resolve(_organizations.Resolve(organizationReference), reference, includeDeleted: false).MemberId;

    /// <summary>The member whose session a revoke call names (by member id, token or session id); under the store's lock.</summary>
    public string? SessionOwnerOf(string? memberId, string? sessionToken, string? sessionId) =>
        !string.IsNullOrEmpty(memberId) ? _members.RequireLive(memberId).MemberId : _store.MemberSessions.Find(sessionToken, sessionId, _store.Clock.Now).MemberId;
}

/// <summary>The member session a call is made with: its token (<c>X-Stytch-Member-Session</c>) or the id of its verified JWT.</summary>
/// <param name="SessionToken">The session token, or null.</param>
/// <param name="SessionId">The session id from <c>X-Stytch-Member-SessionJWT</c>, or null.</param>
internal sealed record MemberActor(string? SessionToken, string? SessionId);

/// <summary>An RBAC check to run while authenticating a member session.</summary>
/// <param name="OrganizationId">Must be the session's organization.</param>
/// <param name="ResourceId">The resource, e.g. <c>stytch.member</c>.</param>
/// <param name="Action">The action, e.g. <c>search</c>.</param>
internal sealed record AuthorizationCheck(string OrganizationId, string ResourceId, string Action);

/// <summary>The answer to a successful B2B sessions/authenticate.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="Member">Its member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Verdict">The authorization verdict, when a check was asked for.</param>
internal sealed record MemberSessionAuthenticated(MemberSession Session, StytchMember Member, StytchOrganization Organization, AuthorizationVerdict? Verdict);
