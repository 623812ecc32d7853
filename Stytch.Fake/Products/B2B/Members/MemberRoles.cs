using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>A member's effective roles under Stytch's default RBAC policy, which is all a fresh project has.</summary>
internal static class MemberRoles
{
    /// <summary>The role every member has.</summary>
    public const string Member = "stytch_member";

    /// <summary>The role that may do anything on the <c>stytch.*</c> resources.</summary>
    public const string Admin = "stytch_admin";

    /// <summary>The member's effective roles: <c>stytch_member</c>, explicit roles, and roles its email domain grants.</summary>
    public static IReadOnlyList<MemberRole> Of(StytchMember member, StytchOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(organization);
        var roles = new List<(string RoleId, List<RoleSource> Sources)> { (Member, [new RoleSource("direct_assignment", null)]) };
        void Add(string roleId, RoleSource source)
        {
            var existing = roles.FindIndex(r => r.RoleId == roleId);
            if (existing < 0)
            {
                roles.Add((roleId, [source]));
            }
            else if (!roles[existing].Sources.Contains(source))
            {
                roles[existing].Sources.Add(source);
            }
        }

        foreach (var role in member.Roles)
        {
            Add(role, new RoleSource("direct_assignment", null));
        }

        var domain = OrganizationRules.DomainOf(member.EmailAddress);
        foreach (var assignment in organization.RbacEmailImplicitRoleAssignments.Where(a => a.Domain == domain))
        {
            Add(assignment.RoleId, new RoleSource("email_assignment", assignment.Domain));
        }

        return roles.Select(r => new MemberRole(r.RoleId, r.Sources.ToArray())).ToArray();
    }

    /// <summary>The ids of <see cref="Of"/>, as a member session carries them.</summary>
    public static string[] IdsOf(StytchMember member, StytchOrganization organization) =>
        [.. Of(member, organization).Select(r => r.RoleId)];
}
