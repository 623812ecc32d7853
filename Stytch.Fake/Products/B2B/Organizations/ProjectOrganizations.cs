using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake;

/// <summary>A project's B2B organizations, read in process: <c>project.B2B.Organizations</c>.</summary>
public sealed class ProjectOrganizations
{
    private readonly OrganizationService _organizations;

    internal ProjectOrganizations(OrganizationService organizations) => _organizations = organizations;

    /// <summary>Every organization of the project, oldest first.</summary>
    public IReadOnlyList<StytchOrganization> All => _organizations.List();

    /// <summary>The organization with this id, slug or external id.</summary>
    /// <exception cref="StytchException">No such organization (<c>organization_not_found</c>).</exception>
    public StytchOrganization Get(string organization) => _organizations.Get(organization);
}
