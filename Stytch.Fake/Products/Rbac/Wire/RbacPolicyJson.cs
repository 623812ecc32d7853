using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Rbac.Wire;

// Stytch's Policy, Role, Permission, Resource and Scope objects (api_b2b_rbac_v1_Policy and its parts; the consumer
// ones have the same fields), every field present.

internal sealed record WirePermission(string ResourceId, string[] Actions)
{
    public static WirePermission From(RbacPermission p) => new(p.ResourceId, [.. p.Actions]);
}

internal sealed record WireRole(string RoleId, string Description, WirePermission[] Permissions)
{
    public static WireRole From(RbacRole r) => new(r.RoleId, r.Description, [.. r.Permissions.Select(WirePermission.From)]);
}

internal sealed record WireResource(string ResourceId, string Description, string[] Actions);

internal sealed record WireScope(string Scope, string Description, WirePermission[] Permissions);

internal sealed record WirePolicy(WireRole[] Roles, WireResource[] Resources, WireScope[] Scopes)
{
    public static WirePolicy From(RbacPolicy p) => new(
        [.. p.Roles.Select(WireRole.From)],
        [.. p.Resources.Select(r => new WireResource(r.ResourceId, r.Description, [.. r.Actions]))],
        [.. p.Scopes.Select(s => new WireScope(s.Scope, s.Description, [.. s.Permissions.Select(WirePermission.From)]))]);
}

internal sealed record WireOrgPolicy(WireRole[] Roles);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WirePolicy))]
[JsonSerializable(typeof(WireOrgPolicy))]
internal sealed partial class RbacWireJson : JsonSerializerContext;

/// <summary>Writes policies in Stytch's shape and reads them back, from request bodies, back doors and policy files.</summary>
internal static class RbacPolicyJson
{
    /// <summary>The policy as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, RbacPolicy policy)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WirePolicy.From(policy), RbacWireJson.Default.WirePolicy);
    }

    /// <summary>An organization's roles as <c>"org_policy":{"roles":[…]}</c>.</summary>
    public static void WriteOrgPolicy(Utf8JsonWriter w, IReadOnlyList<RbacRole> roles)
    {
        w.WritePropertyName("org_policy");
        JsonSerializer.Serialize(w, new WireOrgPolicy([.. roles.Select(WireRole.From)]), RbacWireJson.Default.WireOrgPolicy);
    }

    /// <summary>
    /// A policy document: a Policy object, or an answer of <c>GET /v1/b2b/rbac/policy</c> (its <c>policy</c> is read, the
    /// rest ignored). <c>roles</c>, <c>resources</c> and <c>scopes</c> may be left out (none); other members are ignored.
    /// </summary>
    /// <exception cref="StytchException"><c>bad_request</c> naming what is malformed.</exception>
    public static RbacPolicy Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            throw Validate.BadRequest("The RBAC policy is not valid JSON: " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policy", out var inner))
            {
                root = inner;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw JsonBody.Expected("policy", "an object with roles, resources and scopes", root);
            }

            return new RbacPolicy(
                Items(root, "roles", "policy.roles", (e, at) => Role(e, at, null)),
                Items(root, "resources", "policy.resources", Resource),
                Items(root, "scopes", "policy.scopes", Scope));
        }
    }

    /// <summary>
    /// The <c>org_policy</c> of <c>PUT /v1/b2b/rbac/organizations/{organization_id}</c>: <c>{"roles":[…]}</c>; members it
    /// does not know go to <paramref name="unknowns"/>, if any.
    /// </summary>
    public static IReadOnlyList<RbacRole> ReadOrgPolicy(JsonElement value, BodyFields? unknowns = null)
    {
        BodyObjects.KnownMembers(value, "org_policy", "an object with roles", unknowns, "roles");
        if (!value.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            throw Validate.BadRequest("org_policy.roles must be an array of roles.");
        }

        return [.. roles.EnumerateArray().Select((e, i) => Role(e, $"org_policy.roles[{i}]", unknowns))];
    }

    /// <summary>Binds <c>org_policy</c> by <see cref="ReadOrgPolicy"/>.</summary>
    internal sealed class OrgPolicyRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadOrgPolicy(value, fields);
    }

    private static T[] Items<T>(JsonElement owner, string name, string at, Func<JsonElement, string, T> read)
    {
        if (!owner.TryGetProperty(name, out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select((e, i) => read(e, $"{at}[{i}]"))]
            : throw JsonBody.Expected(at, "an array", items);
    }

    private static RbacRole Role(JsonElement e, string at, BodyFields? unknowns)
    {
        BodyObjects.KnownMembers(e, at, "a role object", unknowns, "role_id", "description", "permissions");
        return new(BodyObjects.RequiredString(e, "role_id", at), Description(e, at), Items(e, "permissions", at + ".permissions", (p, pat) => Permission(p, pat, unknowns)));
    }

    private static RbacPermission Permission(JsonElement e, string at, BodyFields? unknowns)
    {
        BodyObjects.KnownMembers(e, at, "a permission object", unknowns, "resource_id", "actions");
        return new(BodyObjects.RequiredString(e, "resource_id", at), Strings(e, "actions", at));
    }

    private static RbacResource Resource(JsonElement e, string at)
    {
        BodyObjects.KnownMembers(e, at, "a resource object", null, "resource_id", "description", "actions");
        return new(BodyObjects.RequiredString(e, "resource_id", at), Description(e, at), Strings(e, "actions", at));
    }

    private static RbacScope Scope(JsonElement e, string at)
    {
        BodyObjects.KnownMembers(e, at, "a scope object", null, "scope", "description", "permissions");
        return new(BodyObjects.RequiredString(e, "scope", at), Description(e, at), Items(e, "permissions", at + ".permissions", (p, pat) => Permission(p, pat, null)));
    }

    // A description may be left out; Stytch's objects always carry one, empty when none was given.
    private static string Description(JsonElement e, string at) =>
        !e.TryGetProperty("description", out var d) || d.ValueKind == JsonValueKind.Null ? ""
        : d.ValueKind == JsonValueKind.String ? d.GetString()! : throw JsonBody.Expected(at + ".description", "a string", d);

    private static string[] Strings(JsonElement e, string name, string at) =>
        !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? []
        : JsonValues.StringArray(value, $"{at}.{name}");
}
