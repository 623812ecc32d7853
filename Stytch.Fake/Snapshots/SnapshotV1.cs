using System.Text.Json;
using System.Text.Json.Nodes;
using Stytch.Fake.Core;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Version 1 of the snapshot format (written until version 2 replaced it; fixtures/snapshots/v1.json is one), rewritten
/// into the version-2 layout so that only the newest records are ever read. Version 1 nested the clock, the consumer
/// state and the outbox under <c>state</c>, called codes <c>otps</c> and member sessions <c>b2b.sessions</c>, wrote an
/// outbox kind as <c>Login</c>/<c>Signup</c> and metadata as JSON text, wrote a computed <c>is_empty</c> in attributes
/// (ignored, as any unknown field), and could leave out <c>b2b</c> (no B2B state). Its other fields are version 2's.
/// </summary>
internal static class SnapshotV1
{
    public const int Version = 1;

    /// <summary>The version-2 document that says what <paramref name="v1"/> says; changes <paramref name="v1"/>.</summary>
    public static JsonObject Upgrade(JsonObject v1)
    {
        if (v1["state"] is not JsonObject state)
        {
            throw Validate.BadRequest($"The snapshot must be an object with version {Version} and a state.");
        }

        var b2b = Take(v1, "b2b") as JsonObject ?? new JsonObject
        {
            ["organizations"] = new JsonArray(), ["members"] = new JsonArray(), ["otps"] = new JsonArray(), ["sessions"] = new JsonArray(),
        };
        foreach (var organization in Items(b2b["organizations"]))
        {
            ParseText(organization, "trusted_metadata");
            ParseText(organization, "allowed_oauth_tenants");
        }

        foreach (var member in Items(b2b["members"]))
        {
            ParseText(member, "trusted_metadata");
            ParseText(member, "untrusted_metadata");
        }

        foreach (var message in Items(state["outbox"]))
        {
            if (message["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text))
            {
                message["kind"] = text.ToLowerInvariant();
            }
        }

        // Only what is there moves, so that a missing field is reported as missing rather than as null.
        var b2bV2 = new JsonObject();
        Move(b2b, "organizations", b2bV2, "organizations");
        Move(b2b, "members", b2bV2, "members");
        Move(b2b, "otps", b2bV2, "codes");
        Move(b2b, "sessions", b2bV2, "member_sessions");
        var v2 = new JsonObject { ["version"] = 2 };
        Move(v1, "project_id", v2, "project_id");
        Move(state, "clock", v2, "clock");
        Move(state, "users", v2, "users");
        Move(state, "otps", v2, "codes");
        Move(state, "sessions", v2, "sessions");
        Move(state, "outbox", v2, "outbox");
        v2["b2b"] = b2bV2;
        Move(v1, "signing_keys", v2, "signing_keys");
        return v2;
    }

    private static void Move(JsonObject from, string name, JsonObject to, string newName)
    {
        if (from.ContainsKey(name))
        {
            to[newName] = Take(from, name);
        }
    }

    // Detached from its parent, so it can be placed in the new document.
    private static JsonNode? Take(JsonObject parent, string name)
    {
        parent.TryGetPropertyValue(name, out var node);
        parent.Remove(name);
        return node;
    }

    private static IEnumerable<JsonObject> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonObject>() : [];

    // Text that is not a JSON object stays text, which version 2 refuses where it expects an object.
    private static void ParseText(JsonObject parent, string name)
    {
        if (parent[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                parent[name] = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Left as it is, and refused as not an object.
            }
        }
    }
}
