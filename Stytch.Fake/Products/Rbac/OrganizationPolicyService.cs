using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// Organizations' custom roles (<c>GET</c> and <c>PUT /v1/b2b/rbac/organizations/{organization_id}</c>), which add to the
/// project's B2B policy inside that organization only; they go with their organization.
/// </summary>
internal sealed class OrganizationPolicyService
{
    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly RbacService _rbac;

    public OrganizationPolicyService(ProjectStore store, OrganizationService organizations, RbacService rbac)
    {
        _store = store;
        _organizations = organizations;
        _rbac = rbac;
        organizations.Deleting.Add(o => rbac.DropOrganization(o.OrganizationId));
    }

    /// <summary>The organization's custom roles (none when it has no policy).</summary>
    /// <exception cref="StytchException"><c>organization_not_found</c>.</exception>
    public IReadOnlyList<RbacRole> Get(string? organizationReference) =>
        _store.Transact(() => _rbac.OrganizationRolesOf(_organizations.Resolve(organizationReference).OrganizationId));

    /// <summary>Replaces the organization's custom roles; returns them.</summary>
    /// <exception cref="StytchException"><c>organization_not_found</c>, or a role the rules refuse (400).</exception>
    public IReadOnlyList<RbacRole> Set(string? organizationReference, IReadOnlyList<RbacRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            _rbac.SetOrganizationRoles(organization.OrganizationId, roles);
            return _rbac.OrganizationRolesOf(organization.OrganizationId);
        });
    }
}
