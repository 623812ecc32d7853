using System.Text.Json.Nodes;
using Stytch.Fake.Core;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Version 3 of the snapshot format (written until version 4 added redirect URLs, RBAC state and link and phone messages),
/// rewritten into the version-4 layout: no RBAC state (Stytch's default policy alone, no organization or user roles), no B2B magic links (they were not kept then), the redirect URLs every project had then (a fresh project's), and each outbox
/// message an email with a code (channel <c>email</c>, no phone number, token, link or invite template).
/// </summary>
internal static class SnapshotV3
{
    public const int Version = 3;

    /// <summary>The version-4 document that says what <paramref name="v3"/> says; changes <paramref name="v3"/>.</summary>
    public static JsonObject Upgrade(JsonObject v3)
    {
        v3["version"] = SnapshotV4.Version;
        v3["redirect_urls"] = new JsonArray([.. RedirectUrls.FreshProject().Select(u => (JsonNode)new JsonObject
        {
            ["url"] = u.Url, ["type"] = RedirectUrlNames.Of(u.Type), ["is_default"] = u.IsDefault,
        })]);
        v3["rbac"] = new JsonObject
        {
            ["policy"] = new JsonObject { ["roles"] = new JsonArray(), ["resources"] = new JsonArray(), ["scopes"] = new JsonArray() },
            ["organization_policies"] = new JsonArray(),
            ["user_roles"] = new JsonArray(),
        };
        if (v3["b2b"] is JsonObject b2b)
        {
            b2b["magic_links"] = new JsonArray();
        }

        if (v3["outbox"] is JsonArray outbox)
        {
            foreach (var message in outbox.OfType<JsonObject>())
            {
                message["channel"] = "email";
                message["phone_number"] = "";
                message["token"] = null;
                message["link"] = null;
                message["invite_template_id"] = null;
            }
        }

        return v3;
    }
}
