namespace Stytch.Fake;

public sealed partial record StytchError
{
    // RBAC: policies, organization roles and authorization checks. The types are Stytch's (error-types.txt); the 403
    // of consumer_session_authorization_error and its message are confirmed (../shared/reference/ERRORS.md); the 400s
    // and the other messages are inferred (I).

    /// <summary>403: the user's roles do not grant the <c>authorization_check</c> of <c>sessions/authenticate</c>.</summary>
    public static readonly StytchError ConsumerSessionAuthorizationError = new("consumer_session_authorization_error", 403, "The User is not authorized to perform the requested action on that resource.");
    /// <summary>400 (I): a role in a policy has an empty <c>role_id</c>.</summary>
    public static readonly StytchError EmptyRbacRoleId = new("empty_rbac_role_id", 400, "Every role must have a non-empty role_id.");
    /// <summary>400 (I): a resource in a policy has an empty <c>resource_id</c>.</summary>
    public static readonly StytchError EmptyRbacResourceId = new("empty_rbac_resource_id", 400, "Every resource and permission must have a non-empty resource_id.");
    /// <summary>400 (I): a scope in a policy has an empty <c>scope</c>.</summary>
    public static readonly StytchError EmptyRbacScope = new("empty_rbac_scope", 400, "Every scope must have a non-empty scope.");
    /// <summary>400 (I): two roles of a policy have the same <c>role_id</c>.</summary>
    public static readonly StytchError RbacRoleDuplicate = new("rbac_role_duplicate", 400, "Two roles have the same role_id.");
    /// <summary>400 (I): two resources of a policy have the same <c>resource_id</c>.</summary>
    public static readonly StytchError RbacResourceDuplicate = new("rbac_resource_duplicate", 400, "Two resources have the same resource_id.");
    /// <summary>400 (I): two scopes of a policy have the same <c>scope</c>.</summary>
    public static readonly StytchError RbacScopeDuplicate = new("rbac_scope_duplicate", 400, "Two scopes have the same scope.");
    /// <summary>400 (I): a resource lists the same action twice.</summary>
    public static readonly StytchError RbacActionDuplicate = new("rbac_action_duplicate", 400, "A resource lists the same action twice.");
    /// <summary>400 (I): a resource has no actions.</summary>
    public static readonly StytchError RbacResourceMissingActions = new("rbac_resource_missing_actions", 400, "Every resource must have at least one action.");
    /// <summary>400 (I): a permission has no actions.</summary>
    public static readonly StytchError RbacPermissionMissingActions = new("rbac_permission_missing_actions", 400, "Every permission must have at least one action.");
    /// <summary>400 (I): a permission names a resource the policy does not have, or a custom resource starts with <c>stytch</c>.</summary>
    public static readonly StytchError InvalidPermissionResource = new("invalid_permission_resource", 400, "A permission names a resource that is not in the policy (custom resource ids may not start with 'stytch').");
    /// <summary>400 (I): a permission names an action its resource does not have (other than <c>*</c>).</summary>
    public static readonly StytchError InvalidPermissionAction = new("invalid_permission_action", 400, "A permission names an action its resource does not have.");
    /// <summary>400 (I): an organization's policy defines a role the project's policy already has, or one of Stytch's.</summary>
    public static readonly StytchError RbacOrgCustomRolesOnly = new("rbac_org_custom_roles_only", 400, "An organization's policy may only hold its own custom roles, not the project's roles or Stytch's stytch_member, stytch_admin and stytch_user.");
    /// <summary>400 (I): a new project policy drops a resource or an action an organization's roles use, or defines one of their role ids.</summary>
    public static readonly StytchError RbacCannotDeleteAttributeUsedInOrgPolicy = new("rbac_cannot_delete_attribute_used_in_org_policy", 400, "The policy drops a resource or action that an organization's custom roles use, or defines a role id an organization already has.");
}
