using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Organizations;

/// <summary>The organizations of a project, oldest first, by id, slug and external id; only touched under the store's lock.</summary>
internal sealed class OrganizationTable : IStorePart
{
    private const int BySlug = 0;
    private const int ByExternalId = 1;

    private readonly IndexedTable<StytchOrganization> _rows = new(
        o => o.OrganizationId,
        o => o.OrganizationSlug,
        o => o.OrganizationExternalId.Length > 0 ? o.OrganizationExternalId : null);

    /// <summary>Every organization, oldest first.</summary>
    public IEnumerable<StytchOrganization> All => _rows.All;

    public StytchOrganization? ById(string id) => _rows.ById(id);

    /// <summary>The organization whose id, else slug, else external id is <paramref name="reference"/>.</summary>
    public StytchOrganization? ByReference(string reference) =>
        _rows.ById(reference) ?? _rows.ByKey(BySlug, reference) ?? _rows.ByKey(ByExternalId, reference);

    /// <summary>The organization with this slug, or null.</summary>
    public StytchOrganization? WithSlug(string slug) => _rows.ByKey(BySlug, slug);

    /// <summary>The organization with this external id, or null.</summary>
    public StytchOrganization? WithExternalId(string externalId) => _rows.ByKey(ByExternalId, externalId);

    public void Add(StytchOrganization organization) => _rows.Add(organization);

    /// <summary>Puts <paramref name="updated"/> in the place of <paramref name="current"/> (the same id).</summary>
    public void Replace(StytchOrganization current, StytchOrganization updated) => _rows.Replace(current, updated);

    public void Remove(StytchOrganization organization) => _rows.Remove(organization);

    public void Clear() => _rows.Clear();
}
