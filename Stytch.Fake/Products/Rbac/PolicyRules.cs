namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// How a project's own roles, resources and scopes combine with Stytch's defaults into the policy each API answers, and
/// the rules a policy obeys.
/// <para>
/// Inferred from Stytch's docs (https://stytch.com/docs/b2b/guides/rbac/stytch-default: the default resources are
/// read-only, the default roles' permissions can be edited but the roles cannot be deleted) and from one fake project
/// serving both APIs: a project role with a default role's id replaces that role's permissions; a project resource
/// with a default resource's id is ignored (so a policy fetched from Stytch loads as it is), any other id starting with
/// <c>stytch</c> is refused; the B2B policy leaves out <c>stytch_user</c>, the consumer one <c>stytch_member</c>,
/// <c>stytch_admin</c>, the <c>stytch.*</c> resources and the permissions on them.
/// </para>
/// </summary>
internal static class PolicyRules
{
    /// <summary>The policy <c>GET /v1/b2b/rbac/policy</c> answers for the project's own <paramref name="custom"/> policy.</summary>
    public static RbacPolicy B2B(RbacPolicy custom) => new(
        [.. MergeRoles(StytchDefaultPolicy.B2BRoles, custom.Roles, StytchDefaultPolicy.User)],
        [.. StytchDefaultPolicy.B2BResources, .. CustomResources(custom)],
        custom.Scopes);

    /// <summary>The policy <c>GET /v1/rbac/policy</c> answers for the project's own <paramref name="custom"/> policy.</summary>
    public static RbacPolicy Consumer(RbacPolicy custom)
    {
        static RbacRole WithoutStytchResources(RbacRole role) =>
            role with { Permissions = [.. role.Permissions.Where(p => !IsReserved(p.ResourceId))] };

        return new(
            [.. MergeRoles(StytchDefaultPolicy.ConsumerRoles, custom.Roles, StytchDefaultPolicy.Member, StytchDefaultPolicy.Admin).Select(WithoutStytchResources)],
            [.. CustomResources(custom)],
            [.. custom.Scopes.Select(s => s with { Permissions = [.. s.Permissions.Where(p => !IsReserved(p.ResourceId))] })]);
    }

    /// <summary>True for a resource id only Stytch may define.</summary>
    public static bool IsReserved(string resourceId) => resourceId.StartsWith(StytchDefaultPolicy.ReservedPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Checks a project's own policy: ids present and unique, every resource with actions, every permission naming a
    /// resource of the policy (Stytch's or the project's) and actions it has.
    /// </summary>
    /// <exception cref="StytchException">The policy breaks one of the rules (400).</exception>
    public static void Check(RbacPolicy custom)
    {
        ArgumentNullException.ThrowIfNull(custom);
        Unique(custom.Resources.Select(r => r.ResourceId), StytchError.EmptyRbacResourceId, StytchError.RbacResourceDuplicate);
        foreach (var resource in custom.Resources)
        {
            if (IsReserved(resource.ResourceId) && !StytchDefaultPolicy.B2BResources.Any(d => d.ResourceId == resource.ResourceId))
            {
                throw new StytchException(StytchError.InvalidPermissionResource);
            }

            Unique(resource.Actions, StytchError.RbacResourceMissingActions, StytchError.RbacActionDuplicate);
            if (resource.Actions.Count == 0)
            {
                throw new StytchException(StytchError.RbacResourceMissingActions);
            }
        }

        var resources = B2B(custom).Resources;
        Unique(custom.Roles.Select(r => r.RoleId), StytchError.EmptyRbacRoleId, StytchError.RbacRoleDuplicate);
        CheckPermissions(custom.Roles.SelectMany(r => r.Permissions), resources);
        Unique(custom.Scopes.Select(s => s.Scope), StytchError.EmptyRbacScope, StytchError.RbacScopeDuplicate);
        CheckPermissions(custom.Scopes.SelectMany(s => s.Permissions), resources);
    }

    /// <summary>
    /// Checks an organization's custom roles against the project's B2B <paramref name="policy"/>: ids present, unique and
    /// none the policy has (nor Stytch's), permissions on the policy's resources and actions.
    /// </summary>
    /// <exception cref="StytchException">The roles break one of the rules (400).</exception>
    public static void CheckOrganizationRoles(IReadOnlyList<RbacRole> roles, RbacPolicy policy)
    {
        Unique(roles.Select(r => r.RoleId), StytchError.EmptyRbacRoleId, StytchError.RbacRoleDuplicate);
        if (roles.Any(r => StytchDefaultPolicy.ReservedRoles.Contains(r.RoleId) || policy.Roles.Any(p => p.RoleId == r.RoleId)))
        {
            throw new StytchException(StytchError.RbacOrgCustomRolesOnly);
        }

        CheckPermissions(roles.SelectMany(r => r.Permissions), policy.Resources);
    }

    /// <summary>The roles of <paramref name="subjectRoles"/> that grant <paramref name="action"/> on <paramref name="resourceId"/>, in their order.</summary>
    public static string[] GrantingRoles(IEnumerable<RbacRole> policyRoles, IEnumerable<string> subjectRoles, string resourceId, string action)
    {
        var roles = policyRoles.ToArray();
        return [.. subjectRoles.Distinct(StringComparer.Ordinal).Where(id => roles.Any(role => role.RoleId == id && role.Permissions.Any(p =>
            p.ResourceId == resourceId && (p.Actions.Contains(action, StringComparer.Ordinal) || p.Actions.Contains(StytchDefaultPolicy.Wildcard, StringComparer.Ordinal)))))];
    }

    private static IEnumerable<RbacRole> MergeRoles(IReadOnlyList<RbacRole> defaults, IReadOnlyList<RbacRole> custom, params string[] otherAudience)
    {
        foreach (var role in defaults)
        {
            yield return custom.FirstOrDefault(c => c.RoleId == role.RoleId) is { } edited ? edited with { Description = role.Description } : role;
        }

        foreach (var role in custom.Where(c => !defaults.Any(d => d.RoleId == c.RoleId) && Array.IndexOf(otherAudience, c.RoleId) < 0))
        {
            yield return role;
        }
    }

    private static IEnumerable<RbacResource> CustomResources(RbacPolicy custom) => custom.Resources.Where(r => !IsReserved(r.ResourceId));

    private static void CheckPermissions(IEnumerable<RbacPermission> permissions, IReadOnlyList<RbacResource> resources)
    {
        foreach (var permission in permissions)
        {
            if (string.IsNullOrEmpty(permission.ResourceId))
            {
                throw new StytchException(StytchError.EmptyRbacResourceId);
            }

            var resource = resources.FirstOrDefault(r => r.ResourceId == permission.ResourceId)
                ?? throw new StytchException(StytchError.InvalidPermissionResource);
            if (permission.Actions.Count == 0)
            {
                throw new StytchException(StytchError.RbacPermissionMissingActions);
            }

            if (permission.Actions.Any(a => a != StytchDefaultPolicy.Wildcard && !resource.Actions.Contains(a, StringComparer.Ordinal)))
            {
                throw new StytchException(StytchError.InvalidPermissionAction);
            }
        }
    }

    private static void Unique(IEnumerable<string> ids, StytchError empty, StytchError duplicate)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new StytchException(empty);
            }

            if (!seen.Add(id))
            {
                throw new StytchException(duplicate);
            }
        }
    }
}
