using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Organizations;

/// <summary>
/// B2B organizations (<c>/v1/b2b/organizations</c>) in the project's store: create, get, update, delete, list and search
/// (in OrganizationSearch.cs). Every operation validates first and changes state only when it succeeds, in one
/// transaction of the store. An organization can be named by its id, its slug or its external id.
/// </summary>
/// <remarks>
/// Deleting an organization removes it with all its members, codes and sessions: the products that keep those register
/// their part in <see cref="Deleting"/>.
/// </remarks>
internal sealed partial class OrganizationService
{
    private readonly ProjectStore _store;

    public OrganizationService(ProjectStore store)
    {
        _store = store;
        Table = store.Part<OrganizationTable>();
    }

    /// <summary>What the other products drop with a deleted organization; run under the lock, after the checks.</summary>
    public Cleanups<StytchOrganization> Deleting { get; } = new();

    /// <summary>The organizations themselves; only touch under the store's lock.</summary>
    internal OrganizationTable Table { get; }

    /// <summary><c>POST /v1/b2b/organizations</c>.</summary>
    public StytchOrganization Create(OrganizationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (string.IsNullOrEmpty(fields.OrganizationName))
        {
            throw new StytchException(StytchError.OrganizationNameMissing);
        }

        var draft = OrganizationRules.Draft(fields, _store.Clock.Now);
        return _store.Transact(() =>
        {
            var slug = fields.OrganizationSlug ?? OrganizationRules.SlugFor(draft.OrganizationName, Table);
            var organization = draft with { OrganizationId = _store.Ids.New("organization"), OrganizationSlug = slug };
            OrganizationRules.Check(organization, previous: null, Table);
            Table.Add(organization);
            return organization;
        });
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}</c>: by id, slug or external id.</summary>
    public StytchOrganization Get(string? reference) => _store.Transact(() => Resolve(reference));

    /// <summary>Every organization, oldest first.</summary>
    public IReadOnlyList<StytchOrganization> List() => _store.Transact(() => Table.All.ToArray());

    /// <summary>One page of the organizations, oldest first (the organizations back door).</summary>
    public Page<StytchOrganization> Page(int offset, int limit) => _store.Transact(() => Core.Page.Of(Table.All, offset, limit));

    /// <summary><c>PUT /v1/b2b/organizations/{organization_id}</c>: only the given fields change.</summary>
    public StytchOrganization Update(string? reference, OrganizationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return _store.Transact(() =>
        {
            var current = Resolve(reference);
            if (fields.OrganizationName is { Length: 0 })
            {
                throw new StytchException(StytchError.InvalidOrganizationName);
            }

            var updated = OrganizationRules.Apply(current, fields) with { UpdatedAt = _store.Clock.Now };
            OrganizationRules.Check(updated, current, Table);
            Table.Replace(current, updated);
            return updated;
        });
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}</c>: the organization and all its members, codes and sessions go.</summary>
    public string Delete(string? reference) => _store.Transact(() =>
    {
        var organization = Resolve(reference);
        Deleting.Run(organization);
        Table.Remove(organization);
        return organization.OrganizationId;
    });

    /// <summary>
    /// <paramref name="baseSlug"/>, or the first of <c>-2</c>, <c>-3</c>… after it that no organization has yet: a
    /// slug a create can take.
    /// </summary>
    public string FreeSlug(string baseSlug) => _store.Transact(() => OrganizationRules.FreeSlug(baseSlug, Table));

    /// <summary>The organization with this id, slug or external id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>invalid_organization_id</c> when none is given, else <c>organization_not_found</c>.</exception>
    public StytchOrganization Resolve(string? reference)
    {
        OrganizationRules.CheckReference(reference);
        return Table.ByReference(reference!) ?? throw new StytchException(StytchError.OrganizationNotFound);
    }

    /// <summary>The organization with this id, which the caller knows exists; under the store's lock.</summary>
    public StytchOrganization ById(string organizationId) =>
        Table.ById(organizationId) ?? throw new InvalidOperationException($"No organization has the id '{organizationId}'.");

    /// <summary>Throws the email JIT provisioning error that refuses a new member with <paramref name="email"/>, if any; under the store's lock.</summary>
    public void CheckJit(StytchOrganization organization, string email) => OrganizationRules.CheckJit(organization, email, Table);

    /// <summary>Adds a snapshot's organizations to an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<StytchOrganization> organizations)
    {
        foreach (var organization in organizations)
        {
            Table.Add(organization);
        }
    }
}
