using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Snapshots;

/// <summary>The RBAC part of <see cref="SnapshotMapping"/>: the project's own policy, organization roles and user roles.</summary>
internal static class SnapshotRbacMapping
{
    /// <summary>The project's RBAC state, with the roles of users <paramref name="state"/> still holds; under the store's lock.</summary>
    public static SnapshotRbac Export(StytchFakeProject project, ConsumerSnapshot state)
    {
        var rbac = project.RbacService.Export(state.Users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal));
        return new SnapshotRbac(
            From(rbac.Policy),
            [.. rbac.OrganizationRoles.Select(o => new SnapshotOrganizationPolicy(o.OrganizationId, [.. o.Roles.Select(From)]))],
            [.. rbac.UserRoles.Select(u => new SnapshotUserRoles(u.UserId, u.Roles))]);
    }

    /// <summary>
    /// The engine's RBAC state for <paramref name="rbac"/>, checked on its own and against the snapshot's users and
    /// organizations (<see cref="ArgumentException"/> for unknown ones; a rule of the policy's own is its 400).
    /// </summary>
    public static RbacSnapshot ToChecked(SnapshotRbac rbac, ConsumerSnapshot state, B2BSnapshot b2b)
    {
        var snapshot = new RbacSnapshot(
            To(rbac.Policy),
            [.. rbac.OrganizationPolicies.Select(o => (o.OrganizationId, (IReadOnlyList<RbacRole>)[.. o.Roles.Select(To)]))],
            [.. rbac.UserRoles.Select(u => (u.UserId, u.Roles))]);
        RbacService.Check(snapshot);
        if (snapshot.OrganizationRoles.Any(o => !b2b.Organizations.Any(org => org.OrganizationId == o.OrganizationId))
            || snapshot.UserRoles.Any(u => !state.Users.Any(user => user.UserId == u.UserId)))
        {
            throw new ArgumentException("The RBAC state names organizations or users the snapshot does not hold.");
        }

        return snapshot;
    }

    private static SnapshotPolicy From(RbacPolicy p) => new(
        [.. p.Roles.Select(From)],
        [.. p.Resources.Select(r => new SnapshotResource(r.ResourceId, r.Description, r.Actions))],
        [.. p.Scopes.Select(s => new SnapshotScope(s.Scope, s.Description, [.. s.Permissions.Select(From)]))]);

    private static SnapshotRole From(RbacRole r) => new(r.RoleId, r.Description, [.. r.Permissions.Select(From)]);

    private static SnapshotPermission From(RbacPermission p) => new(p.ResourceId, p.Actions);

    private static RbacPolicy To(SnapshotPolicy p) => new(
        [.. p.Roles.Select(To)],
        [.. p.Resources.Select(r => new RbacResource(r.ResourceId, r.Description, r.Actions))],
        [.. p.Scopes.Select(s => new RbacScope(s.Scope, s.Description, [.. s.Permissions.Select(To)]))]);

    private static RbacRole To(SnapshotRole r) => new(r.RoleId, r.Description, [.. r.Permissions.Select(To)]);

    private static RbacPermission To(SnapshotPermission p) => new(p.ResourceId, p.Actions);
}
