using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake;

/// <summary>
/// A project's RBAC policy and role assignments in process: <c>project.Rbac</c>. The project's own roles, resources and
/// scopes join Stytch's defaults in what <c>GET /v1/b2b/rbac/policy</c> and <c>GET /v1/rbac/policy</c> answer and in
/// every authorization check; <see cref="StytchFakeProject.Reset"/> keeps them, as it keeps the credentials.
/// </summary>
public sealed class ProjectRbac
{
    private readonly RbacService _rbac;
    private readonly B2BProducts _b2b;
    private readonly Action<string> _requireUser;
    private readonly Func<string, RbacPolicy> _parse;

    internal ProjectRbac(RbacService rbac, B2BProducts b2b, Action<string> requireUser, Func<string, RbacPolicy> parse)
    {
        _rbac = rbac;
        _b2b = b2b;
        _requireUser = requireUser;
        _parse = parse;
    }

    /// <summary>The project's own roles, resources and scopes, as last set (<see cref="RbacPolicy.Empty"/> at first).</summary>
    public RbacPolicy Custom => _rbac.Custom;

    /// <summary>The B2B policy: Stytch's <c>stytch_member</c>, <c>stytch_admin</c> and <c>stytch.*</c> resources with the project's own.</summary>
    public RbacPolicy B2BPolicy => _rbac.B2BPolicy();

    /// <summary>The consumer policy: Stytch's <c>stytch_user</c> with the project's own roles, resources and scopes.</summary>
    public RbacPolicy ConsumerPolicy => _rbac.ConsumerPolicy();

    /// <summary>
    /// Replaces the project's own policy. A role named <c>stytch_member</c>, <c>stytch_admin</c> or <c>stytch_user</c>
    /// replaces that default role's permissions; resources other than Stytch's may not start with <c>stytch</c>.
    /// </summary>
    /// <exception cref="StytchException">The policy breaks a rule (an empty or duplicate id, a permission on an unknown resource or action: 400).</exception>
    public void SetPolicy(RbacPolicy policy) => _rbac.SetPolicy(policy);

    /// <summary>
    /// <see cref="SetPolicy"/> from JSON: a Policy object (<c>{"roles":[…],"resources":[…],"scopes":[…]}</c>) or a whole
    /// <c>GET /v1/b2b/rbac/policy</c> answer (<c>{"policy":{…}}</c>), such as one saved from a real Stytch project.
    /// </summary>
    /// <exception cref="StytchException">The JSON is not a policy (<c>bad_request</c>) or breaks a rule; nothing changed.</exception>
    public void LoadPolicyJson(string json) => _rbac.SetPolicy(_parse(json));

    /// <summary>The organization's custom roles (<c>GET /v1/b2b/rbac/organizations/{organization_id}</c>).</summary>
    /// <exception cref="StytchException">No such organization.</exception>
    public IReadOnlyList<RbacRole> OrganizationRoles(string organization) => _b2b.OrganizationPolicies.Get(organization);

    /// <summary>Replaces the organization's custom roles (<c>PUT /v1/b2b/rbac/organizations/{organization_id}</c>).</summary>
    /// <exception cref="StytchException">No such organization, or a role the rules refuse.</exception>
    public void SetOrganizationRoles(string organization, IReadOnlyList<RbacRole> roles) => _b2b.OrganizationPolicies.Set(organization, roles);

    /// <summary>The roles explicitly assigned to a consumer user (every user also has <c>stytch_user</c>).</summary>
    public IReadOnlyList<string> UserRoles(string userId) => _rbac.UserRolesOf(userId);

    /// <summary>
    /// Assigns a consumer user's explicit roles (replacing the earlier ones), as Stytch's Update User <c>roles</c> does;
    /// the user's sessions carry them from their next authentication.
    /// </summary>
    /// <exception cref="StytchException">No such user (<c>user_not_found</c>), or a blank role id.</exception>
    public void SetUserRoles(string userId, params string[] roles) => _rbac.SetUserRoles(userId, roles, _requireUser);
}
