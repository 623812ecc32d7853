using System.Text.Json.Nodes;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Version 2 of the snapshot format (written until version 3 added M2M clients), rewritten into the version-3 layout:
/// the same fields, and no M2M clients or magic links.
/// </summary>
internal static class SnapshotV2
{
    public const int Version = 2;

    /// <summary>The version-3 document that says what <paramref name="v2"/> says; changes <paramref name="v2"/>.</summary>
    public static JsonObject Upgrade(JsonObject v2)
    {
        v2["version"] = SnapshotV3.Version;
        v2["m2m_clients"] = new JsonArray();
        v2["magic_links"] = new JsonArray();
        return v2;
    }
}
