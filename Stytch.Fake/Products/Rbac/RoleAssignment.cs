namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// Role assignments Stytch makes itself, beside the explicit <c>roles</c> of a member and the implicit ones of
/// <c>rbac_email_implicit_role_assignments</c> (<see cref="Products.B2B.Members.MemberRoles"/>).
/// </summary>
internal static class RoleAssignment
{
    /// <summary>
    /// The member who creates an organization through discovery gets <c>stytch_admin</c>
    /// (https://stytch.com/docs/b2b/guides/rbac/stytch-default), as an explicit role it can later lose. The discovery
    /// product, once there is one, calls this on the member it creates with the organization.
    /// </summary>
    public static StytchMember AsOrganizationCreator(StytchMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Roles.Contains(StytchDefaultPolicy.Admin, StringComparer.Ordinal)
            ? member
            : member with { Roles = [.. member.Roles, StytchDefaultPolicy.Admin] };
    }
}
