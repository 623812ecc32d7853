using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Rbac;

/// <summary>Each organization's custom roles (its organization policy), by organization id; only touch under the store's lock.</summary>
internal sealed class OrganizationPolicyTable : IStorePart
{
    private readonly Dictionary<string, IReadOnlyList<RbacRole>> _roles = new(StringComparer.Ordinal);

    /// <summary>The organization's custom roles; none when it has no policy.</summary>
    public IReadOnlyList<RbacRole> Of(string organizationId) => _roles.GetValueOrDefault(organizationId) ?? [];

    /// <summary>Every organization's roles, by organization id, in the order they were first set.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<RbacRole>>> All => _roles;

    /// <summary>Replaces the organization's roles; none drops its entry.</summary>
    public void Set(string organizationId, IReadOnlyList<RbacRole> roles)
    {
        if (roles.Count == 0)
        {
            _roles.Remove(organizationId);
        }
        else
        {
            _roles[organizationId] = roles;
        }
    }

    public void Clear() => _roles.Clear();
}

/// <summary>The roles explicitly assigned to consumer users, by user id; only touch under the store's lock.</summary>
internal sealed class UserRoleTable : IStorePart
{
    private readonly Dictionary<string, IReadOnlyList<string>> _roles = new(StringComparer.Ordinal);

    /// <summary>The user's explicit roles; none when it has none.</summary>
    public IReadOnlyList<string> Of(string userId) => _roles.GetValueOrDefault(userId) ?? [];

    /// <summary>Every user's roles, by user id.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> All => _roles;

    /// <summary>Replaces the user's explicit roles; none drops the entry.</summary>
    public void Set(string userId, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            _roles.Remove(userId);
        }
        else
        {
            _roles[userId] = roles;
        }
    }

    public void Clear() => _roles.Clear();
}
