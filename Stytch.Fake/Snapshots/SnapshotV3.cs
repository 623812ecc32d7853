using System.Text.Json.Nodes;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Version 3 of the snapshot format (written until version 4 added <c>rbac</c>), rewritten into the version-4 layout:
/// a version-3 file holds no RBAC state, so it loads with Stytch's default policy alone, no organization roles and no
/// user roles.
/// </summary>
internal static class SnapshotV3
{
    public const int Version = 3;

    /// <summary>The version-4 document that says what <paramref name="v3"/> says; changes <paramref name="v3"/>.</summary>
    public static JsonObject Upgrade(JsonObject v3)
    {
        v3["version"] = 4;
        v3["rbac"] = new JsonObject
        {
            ["policy"] = new JsonObject { ["roles"] = new JsonArray(), ["resources"] = new JsonArray(), ["scopes"] = new JsonArray() },
            ["organization_policies"] = new JsonArray(),
            ["user_roles"] = new JsonArray(),
        };
        return v3;
    }
}
