using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// A project's RBAC state over its <see cref="ProjectStore"/>: the project's own policy (roles, resources and scopes
/// beside Stytch's defaults), each organization's custom roles, and the roles assigned to consumer users; and the
/// evaluation of an authorization check against them.
/// <para>
/// The project policy is configuration, as the dashboard holds it on Stytch: <see cref="ProjectStore.Reset"/> keeps it
/// (as it keeps credentials and signing keys), a snapshot import replaces it. Organization roles and user roles are
/// state and go with a reset.
/// </para>
/// </summary>
internal sealed class RbacService
{
    private readonly ProjectStore _store;
    private RbacPolicy _custom = RbacPolicy.Empty;

    public RbacService(ProjectStore store) => _store = store;

    private OrganizationPolicyTable OrganizationRoles => _store.Part<OrganizationPolicyTable>();

    private UserRoleTable UserRoles => _store.Part<UserRoleTable>();

    /// <summary>The project's own roles, resources and scopes, as last set.</summary>
    public RbacPolicy Custom => _store.Transact(() => _custom);

    /// <summary><c>GET /v1/b2b/rbac/policy</c>: Stytch's B2B defaults with the project's own policy.</summary>
    public RbacPolicy B2BPolicy() => _store.Transact(() => PolicyRules.B2B(_custom));

    /// <summary><c>GET /v1/rbac/policy</c>: Stytch's consumer default with the project's own policy.</summary>
    public RbacPolicy ConsumerPolicy() => _store.Transact(() => PolicyRules.Consumer(_custom));

    /// <summary>
    /// Replaces the project's own policy. Organization roles must still hold under it (their resources and actions,
    /// and no role id of theirs in it).
    /// </summary>
    /// <exception cref="StytchException">The policy breaks a rule of <see cref="PolicyRules.Check"/>, or one of <c>rbac_cannot_delete_attribute_used_in_org_policy</c>.</exception>
    public void SetPolicy(RbacPolicy custom)
    {
        PolicyRules.Check(custom);
        _store.Transact(() =>
        {
            var policy = PolicyRules.B2B(custom);
            foreach (var (_, roles) in OrganizationRoles.All)
            {
                try
                {
                    PolicyRules.CheckOrganizationRoles(roles, policy);
                }
                catch (StytchException)
                {
                    throw new StytchException(StytchError.RbacCannotDeleteAttributeUsedInOrgPolicy);
                }
            }

            // Stytch's own resources are read-only: a policy saved from Stytch carries them, and they are not the project's.
            _custom = custom with { Resources = [.. custom.Resources.Where(r => !PolicyRules.IsReserved(r.ResourceId))] };
        });
    }

    /// <summary>The roles an authorization check in <paramref name="organizationId"/> weighs: the project's B2B roles and the organization's own; under the store's lock.</summary>
    public IReadOnlyList<RbacRole> B2BRolesIn(string organizationId) =>
        [.. PolicyRules.B2B(_custom).Roles, .. OrganizationRoles.Of(organizationId)];

    /// <summary>The organization's custom roles; under the store's lock.</summary>
    public IReadOnlyList<RbacRole> OrganizationRolesOf(string organizationId) => OrganizationRoles.Of(organizationId);

    /// <summary>Checks and replaces the organization's custom roles; under the store's lock.</summary>
    /// <exception cref="StytchException">The roles break a rule of <see cref="PolicyRules.CheckOrganizationRoles"/>.</exception>
    public void SetOrganizationRoles(string organizationId, IReadOnlyList<RbacRole> roles)
    {
        PolicyRules.CheckOrganizationRoles(roles, PolicyRules.B2B(_custom));
        OrganizationRoles.Set(organizationId, roles);
    }

    /// <summary>Forgets the organization's roles, when it is deleted; under the store's lock.</summary>
    public void DropOrganization(string organizationId) => OrganizationRoles.Set(organizationId, []);

    /// <summary>The roles of a user's session: <c>stytch_user</c> and the user's explicit roles; under the store's lock.</summary>
    public string[] UserSessionRoles(string userId) =>
        [StytchDefaultPolicy.User, .. UserRoles.Of(userId).Where(r => r != StytchDefaultPolicy.User)];

    /// <summary>Replaces the explicit roles of the user <paramref name="require"/> finds (it throws for an unknown one).</summary>
    public void SetUserRoles(string userId, IReadOnlyList<string> roles, Action<string> require)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Any(string.IsNullOrWhiteSpace))
        {
            throw Validate.BadRequest("roles must be role ids: an empty or blank one is not.");
        }

        _store.Transact(() =>
        {
            require(userId);
            UserRoles.Set(userId, [.. roles.Distinct(StringComparer.Ordinal)]);
        });
    }

    /// <summary>The user's explicit roles.</summary>
    public IReadOnlyList<string> UserRolesOf(string userId) => _store.Transact(() => UserRoles.Of(userId));

    /// <summary>
    /// The consumer <c>authorization_check</c>: the roles of <paramref name="sessionRoles"/> that grant the action under
    /// the consumer policy; under the store's lock.
    /// </summary>
    /// <exception cref="StytchException"><c>consumer_session_authorization_error</c> when none does.</exception>
    public AuthorizationVerdict AuthorizeUser(IReadOnlyList<string> sessionRoles, string resourceId, string action)
    {
        var granting = PolicyRules.GrantingRoles(PolicyRules.Consumer(_custom).Roles, sessionRoles, resourceId, action);
        return granting.Length > 0
            ? new AuthorizationVerdict(true, granting)
            : throw new StytchException(StytchError.ConsumerSessionAuthorizationError);
    }

    /// <summary>The whole RBAC state, to save; under the store's lock.</summary>
    public RbacSnapshot Export(IReadOnlySet<string> liveUserIds) => new(
        _custom,
        [.. OrganizationRoles.All.Select(e => (e.Key, e.Value))],
        [.. UserRoles.All.Where(e => liveUserIds.Contains(e.Key)).Select(e => (e.Key, e.Value))]);

    /// <summary>Checks <paramref name="snapshot"/> on its own (its policy and its organizations' roles); changes nothing.</summary>
    public static void Check(RbacSnapshot snapshot)
    {
        PolicyRules.Check(snapshot.Policy);
        var policy = PolicyRules.B2B(snapshot.Policy);
        foreach (var (_, roles) in snapshot.OrganizationRoles)
        {
            PolicyRules.CheckOrganizationRoles(roles, policy);
        }
    }

    /// <summary>Loads a checked snapshot into an emptied store; under the store's lock.</summary>
    public void Load(RbacSnapshot snapshot)
    {
        _custom = snapshot.Policy;
        foreach (var (organizationId, roles) in snapshot.OrganizationRoles)
        {
            OrganizationRoles.Set(organizationId, roles);
        }

        foreach (var (userId, roles) in snapshot.UserRoles)
        {
            UserRoles.Set(userId, roles);
        }
    }
}

/// <summary>Why an authorization check passed.</summary>
/// <param name="Authorized">Always true (a refused check is an error).</param>
/// <param name="GrantingRoles">The roles that grant the action.</param>
internal sealed record AuthorizationVerdict(bool Authorized, IReadOnlyList<string> GrantingRoles);

/// <summary>A project's RBAC state, to save and load.</summary>
/// <param name="Policy">The project's own policy.</param>
/// <param name="OrganizationRoles">Each organization's custom roles.</param>
/// <param name="UserRoles">Each consumer user's explicit roles.</param>
internal sealed record RbacSnapshot(
    RbacPolicy Policy,
    IReadOnlyList<(string OrganizationId, IReadOnlyList<RbacRole> Roles)> OrganizationRoles,
    IReadOnlyList<(string UserId, IReadOnlyList<string> Roles)> UserRoles);
