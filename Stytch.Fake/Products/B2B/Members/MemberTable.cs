using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>
/// The members of a project (deleted ones too), oldest first, by id, and by email and external id within their
/// organization; only members that are not deleted are in those two indexes. Only touched under the store's lock.
/// </summary>
internal sealed class MemberTable : IStorePart
{
    private const int ByEmail = 0;
    private const int ByExternalId = 1;

    private readonly IndexedTable<StytchMember> _rows = new(
        m => m.MemberId,
        m => m.Status == MemberStatus.Deleted ? null : Key(m.OrganizationId, m.EmailAddress),
        m => m.Status == MemberStatus.Deleted || m.ExternalId.Length == 0 ? null : Key(m.OrganizationId, m.ExternalId));

    /// <summary>Every member, deleted ones too, oldest first.</summary>
    public IEnumerable<StytchMember> All => _rows.All;

    public StytchMember? ById(string id) => _rows.ById(id);

    /// <summary>The member of the organization with this (lower-case) email who is not deleted, or null.</summary>
    public StytchMember? WithEmail(string organizationId, string email) => _rows.ByKey(ByEmail, Key(organizationId, email));

    /// <summary>The member of the organization with this external id who is not deleted, or null.</summary>
    public StytchMember? WithExternalId(string organizationId, string externalId) => _rows.ByKey(ByExternalId, Key(organizationId, externalId));

    /// <summary>The members of one organization, deleted ones too, oldest first.</summary>
    public IEnumerable<StytchMember> Of(string organizationId) => _rows.All.Where(m => m.OrganizationId == organizationId);

    public void Add(StytchMember member) => _rows.Add(member);

    /// <summary>Puts <paramref name="updated"/> in the place of <paramref name="current"/> (the same id).</summary>
    public void Replace(StytchMember current, StytchMember updated) => _rows.Replace(current, updated);

    public void Remove(StytchMember member) => _rows.Remove(member);

    public void Clear() => _rows.Clear();

    /// <summary>A key unique within an organization: its id and the value, apart.</summary>
    public static string Key(string organizationId, string value) => organizationId + "\n" + value;
}
