using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Older snapshot layouts made from a current export, for tests that load a file of an earlier version.</summary>
internal static class SnapshotLayouts
{
    /// <summary>
    /// <paramref name="current"/> in the version-4 layout (changed in place; its version is left to the caller): each
    /// user's first email as <c>email</c>, <c>email_id</c> and <c>email_verified</c>, factors without phones, and no B2B MFA
    /// or password state.
    /// </summary>
    public static JsonObject AsVersion4(JsonObject current)
    {
        foreach (var user in current["users"]!.AsArray().OfType<JsonObject>())
        {
            var email = user["emails"]!.AsArray()[0]!;
            user["email"] = email["email"]!.DeepClone();
            user["email_id"] = email["email_id"]!.DeepClone();
            user["email_verified"] = email["verified"]!.DeepClone();
            foreach (var field in new[] { "emails", "phone_numbers", "name", "trusted_metadata", "untrusted_metadata", "external_id", "password_id", "password_requires_reset", "updated_at" })
            {
                user.Remove(field);
            }
        }

        current.Remove("passwords");
        var sessions = current["sessions"]!.AsArray().Concat(current["b2b"]!["member_sessions"]!.AsArray());
        foreach (var factor in sessions.SelectMany(s => s!["authentication_factors"]!.AsArray()).OfType<JsonObject>())
        {
            factor.Remove("phone_id");
            factor.Remove("phone_number");
        }

        foreach (var member in current["b2b"]!["members"]!.AsArray().OfType<JsonObject>())
        {
            member.Remove("mfa_phone_number_verified");
            member.Remove("totp_registration_id");
        }

        current["b2b"]!.AsObject().Remove("intermediate_sessions");
        current["b2b"]!.AsObject().Remove("totp_registrations");
        return current;
    }
}
