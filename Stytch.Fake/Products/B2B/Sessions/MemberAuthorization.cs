using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Products.B2B.Sessions;

/// <summary>The <c>authorization_check</c> of <c>b2b/sessions/authenticate</c>.</summary>
internal static class MemberAuthorization
{
    /// <summary>
    /// Stytch's default RBAC policy, which is all a fresh project has: <c>stytch_admin</c> may do anything on the
    /// <c>stytch.*</c> resources, <c>stytch_member</c> anything on <c>stytch.self</c>; nothing else is granted.
    /// </summary>
    /// <exception cref="StytchException">
    /// <c>session_authorization_tenancy_error</c> for another organization, <c>session_authorization_error</c> when no role grants it.
    /// </exception>
    public static AuthorizationVerdict Authorize(AuthorizationCheck check, StytchOrganization organization, IReadOnlyList<MemberRole> roles)
    {
        if (check.OrganizationId != organization.OrganizationId && check.OrganizationId != organization.OrganizationSlug
            && (organization.OrganizationExternalId.Length == 0 || check.OrganizationId != organization.OrganizationExternalId))
        {
            throw new StytchException(StytchError.SessionAuthorizationTenancyError);
        }

        var granting = roles.Select(r => r.RoleId)
            .Where(role => (role == MemberRoles.Admin && check.ResourceId.StartsWith("stytch.", StringComparison.Ordinal))
                || (role == MemberRoles.Member && check.ResourceId == "stytch.self"))
            .ToArray();
        return granting.Length > 0
            ? new AuthorizationVerdict(true, granting)
            : throw new StytchException(StytchError.SessionAuthorizationError);
    }
}

/// <summary>An RBAC check to run while authenticating a member session.</summary>
/// <param name="OrganizationId">Must be the session's organization.</param>
/// <param name="ResourceId">The resource, e.g. <c>stytch.member</c>.</param>
/// <param name="Action">The action, e.g. <c>search</c>.</param>
internal sealed record AuthorizationCheck(string OrganizationId, string ResourceId, string Action);

/// <summary>Why an authorization check passed.</summary>
/// <param name="Authorized">Always true (a refused check is an error).</param>
/// <param name="GrantingRoles">The member's roles that grant the action.</param>
internal sealed record AuthorizationVerdict(bool Authorized, IReadOnlyList<string> GrantingRoles);

/// <summary>The answer to a successful B2B sessions/authenticate.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="Member">Its member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Verdict">The authorization verdict, when a check was asked for.</param>
internal sealed record MemberSessionAuthenticated(MemberSession Session, StytchMember Member, StytchOrganization Organization, AuthorizationVerdict? Verdict);
