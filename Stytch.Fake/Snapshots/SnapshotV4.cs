using System.Text.Json.Nodes;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// Version 4 of the snapshot format (written until version 5 gave consumer users Stytch's whole User object), rewritten
/// into the version-5 layout: each user's one email (<c>email</c>, <c>email_id</c>, <c>email_verified</c>) becomes its
/// one entry of <c>emails</c>; it has no phone numbers, name, metadata, external id or password, and was last changed
/// when it was created. Session factors name no phone. It kept no intermediate sessions, TOTP registrations or
/// password state.
/// </summary>
internal static class SnapshotV4
{
    public const int Version = 4;

    /// <summary>The version-5 document that says what <paramref name="v4"/> says; changes <paramref name="v4"/>.</summary>
    public static JsonObject Upgrade(JsonObject v4)
    {
        v4["version"] = SnapshotJson.Version;
        if (v4["users"] is JsonArray users)
        {
            foreach (var user in users.OfType<JsonObject>())
            {
                var email = Take(user, "email");
                var emailId = Take(user, "email_id");
                var verified = Take(user, "email_verified");
                user["emails"] = new JsonArray(new JsonObject { ["email_id"] = emailId, ["email"] = email, ["verified"] = verified });
                user["phone_numbers"] = new JsonArray();
                user["name"] = new JsonObject { ["first_name"] = "", ["middle_name"] = "", ["last_name"] = "" };
                user["trusted_metadata"] = new JsonObject();
                user["untrusted_metadata"] = new JsonObject();
                user["external_id"] = "";
                user["password_id"] = "";
                user["password_requires_reset"] = false;
                user["updated_at"] = user["created_at"]?.DeepClone();
            }
        }

        // Factors held only emails until version 5 added phones.
        var sessions = (v4["sessions"] as JsonArray ?? []).Concat((v4["b2b"] as JsonObject)?["member_sessions"] as JsonArray ?? []);
        foreach (var factor in sessions.OfType<JsonObject>().SelectMany(s => (s["authentication_factors"] as JsonArray ?? []).OfType<JsonObject>()))
        {
            factor["phone_id"] = "";
            factor["phone_number"] = "";
        }

        v4["phone_codes"] = new JsonArray();

        // Members' MFA phone verification and TOTP registration, intermediate sessions and TOTP registrations were not
        // kept until version 5.
        if (v4["b2b"] is JsonObject b2b)
        {
            foreach (var member in (b2b["members"] as JsonArray ?? []).OfType<JsonObject>())
            {
                member["mfa_phone_number_verified"] = false;
                member["totp_registration_id"] = "";
            }

            b2b["intermediate_sessions"] = new JsonArray();
            b2b["totp_registrations"] = new JsonArray();
        }

        // Password state came with version 5: a version-4 project had none, and Stytch's default policy.
        v4["passwords"] = SnapshotJson.EmptyPasswords();
        return v4;
    }

    private static JsonNode? Take(JsonObject node, string name)
    {
        node.Remove(name, out var value);
        return value;
    }
}
