using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B;

/// <summary>The organizations and members of a project, with their indexes; only touched under the store's lock.</summary>
internal sealed class B2BTables : IStorePart
{
    public Dictionary<string, StytchOrganization> Orgs { get; } = new(StringComparer.Ordinal);
    public List<string> OrgOrder { get; } = [];
    public Dictionary<string, string> OrgIdBySlug { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> OrgIdByExternalId { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, StytchMember> Members { get; } = new(StringComparer.Ordinal);
    public List<string> MemberOrder { get; } = [];
    // Keys are "organization_id\nvalue"; only members that are not deleted are indexed.
    public Dictionary<string, string> MemberIdByEmail { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> MemberIdByExternalId { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        Orgs.Clear();
        OrgOrder.Clear();
        OrgIdBySlug.Clear();
        OrgIdByExternalId.Clear();
        Members.Clear();
        MemberOrder.Clear();
        MemberIdByEmail.Clear();
        MemberIdByExternalId.Clear();
    }
}
