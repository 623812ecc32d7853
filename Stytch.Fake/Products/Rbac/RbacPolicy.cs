namespace Stytch.Fake;

// An RBAC policy as the engine holds it: Stytch's Policy object (api_b2b_rbac_v1_Policy, api_consumer_rbac_v1_Policy)
// with its roles, resources and scopes, field for field.

/// <summary>A resource and the actions a role (or scope) may take on it; <c>*</c> stands for every action.</summary>
/// <param name="ResourceId">The resource, e.g. <c>documents</c> or <c>stytch.member</c>.</param>
/// <param name="Actions">The actions granted, e.g. <c>read</c>, or <c>*</c>.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Stytch's own name for the object (api_b2b_rbac_v1_PolicyRolePermission).")]
public sealed record RbacPermission(string ResourceId, IReadOnlyList<string> Actions);

/// <summary>A named set of permissions assigned to members or users.</summary>
/// <param name="RoleId">The role id, e.g. <c>editor</c>; <c>stytch_member</c>, <c>stytch_admin</c> and <c>stytch_user</c> are Stytch's.</param>
/// <param name="Description">What the role is for.</param>
/// <param name="Permissions">What it grants.</param>
public sealed record RbacRole(string RoleId, string Description, IReadOnlyList<RbacPermission> Permissions);

/// <summary>An entity of the application and the actions that exist on it.</summary>
/// <param name="ResourceId">The resource id; only Stytch's own start with <c>stytch</c>.</param>
/// <param name="Description">What the resource is.</param>
/// <param name="Actions">Every action it has.</param>
public sealed record RbacResource(string ResourceId, string Description, IReadOnlyList<string> Actions);

/// <summary>An OAuth scope and the permissions a token with it carries.</summary>
/// <param name="Scope">The scope, e.g. <c>read:documents</c>.</param>
/// <param name="Description">What the scope is for.</param>
/// <param name="Permissions">What it grants.</param>
public sealed record RbacScope(string Scope, string Description, IReadOnlyList<RbacPermission> Permissions);

/// <summary>
/// A project's RBAC policy: what <c>GET /v1/b2b/rbac/policy</c> and <c>GET /v1/rbac/policy</c> answer. Set a project's
/// own roles, resources and scopes with <see cref="ProjectRbac.SetPolicy"/>; Stytch's default roles and resources are
/// always part of it.
/// </summary>
/// <param name="Roles">Every role.</param>
/// <param name="Resources">Every resource.</param>
/// <param name="Scopes">Every scope.</param>
public sealed record RbacPolicy(IReadOnlyList<RbacRole> Roles, IReadOnlyList<RbacResource> Resources, IReadOnlyList<RbacScope> Scopes)
{
    /// <summary>No roles, resources or scopes of the project's own: a fresh project's policy is Stytch's defaults alone.</summary>
    public static RbacPolicy Empty { get; } = new([], [], []);
}
