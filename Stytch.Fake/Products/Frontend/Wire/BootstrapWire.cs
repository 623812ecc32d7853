using Stytch.Fake.Http;
using Stytch.Fake.Products.Rbac.Wire;

namespace Stytch.Fake.Products.Frontend.Wire;

/// <summary>
/// <c>GET /sdk/v1/projects/bootstrap/{public_token}</c>: the project settings the SDK reads at start
/// (<c>BootstrapDataManager.mapBootstrapData</c> of <c>@stytch/vanilla-js</c> 6.3.0 names every field).
/// </summary>
internal static class BootstrapWire
{
    public static ApiResponse Respond(ApiCall call) => ApiResponse.Ok(call.RequestId, w =>
    {
        w.WriteString("project_name", "Stytch.Fake");
        // No "Powered by Stytch" badge in tests' screenshots.
        w.WriteBoolean("disable_sdk_watermark", true);
        w.WritePropertyName("captcha_settings");
        w.WriteStartObject();
        w.WriteBoolean("enabled", false);
        w.WriteEndObject();
        w.WriteNull("cname_domain");
        w.WritePropertyName("email_domains");
        w.WriteStartArray();
        w.WriteStringValue("stytch.com");
        w.WriteEndArray();
        w.WriteBoolean("pkce_required_for_email_magic_links", false);
        w.WriteBoolean("pkce_required_for_password_resets", false);
        w.WriteBoolean("pkce_required_for_oauth", false);
        w.WriteBoolean("pkce_required_for_sso", false);
        w.WriteNull("slug_pattern");
        w.WriteBoolean("create_organization_enabled", true);
        var passwords = call.Project.Passwords.Policy;
        if (passwords.Strategy == PasswordStrategy.Luds)
        {
            w.WritePropertyName("password_config");
            w.WriteStartObject();
            w.WriteNumber("luds_complexity", passwords.LudsMinComplexity);
            w.WriteNumber("luds_minimum_count", passwords.LudsMinLength);
            w.WriteEndObject();
        }
        else
        {
            // zxcvbn: the SDK then checks strength with passwords/strength_check alone.
            w.WriteNull("password_config");
        }

        // Off, so the SDK loads no fraud-protection or CAPTCHA script from Stytch's hosts.
        w.WriteBoolean("dfp_protected_auth_enabled", false);
        w.WriteNull("dfp_protected_auth_mode");
        // An object, never null: the SDK's RBAC client reads its roles and resources at start.
        RbacPolicyJson.Write(w, "rbac_policy", Policy(call.Project));
        w.WriteBoolean("siwe_required_for_crypto_wallets", false);
        // Null: a fake project serves both the consumer and the B2B client, and each refuses only the other vertical.
        w.WriteNull("vertical");
    });

    /// <summary>
    /// The project's B2B and consumer policies in one (their role ids differ), as one project serves both clients;
    /// inferred: Stytch answers the policy of the project's one vertical.
    /// </summary>
    private static RbacPolicy Policy(StytchFakeProject project)
    {
        var b2b = project.RbacService.B2BPolicy();
        var consumer = project.RbacService.ConsumerPolicy();
        return new RbacPolicy(
            [.. b2b.Roles.Concat(consumer.Roles).DistinctBy(r => r.RoleId, StringComparer.Ordinal)],
            [.. b2b.Resources.Concat(consumer.Resources).DistinctBy(r => r.ResourceId, StringComparer.Ordinal)],
            [.. b2b.Scopes.Concat(consumer.Scopes).DistinctBy(s => s.Scope, StringComparer.Ordinal)]);
    }
}
