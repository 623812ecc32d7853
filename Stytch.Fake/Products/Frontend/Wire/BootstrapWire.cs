using Stytch.Fake.Http;

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
        w.WriteNull("password_config");
        // Off, so the SDK loads no fraud-protection or CAPTCHA script from Stytch's hosts.
        w.WriteBoolean("dfp_protected_auth_enabled", false);
        w.WriteNull("dfp_protected_auth_mode");
        w.WriteNull("rbac_policy");
        w.WriteBoolean("siwe_required_for_crypto_wallets", false);
        // Null: a fake project serves both the consumer and the B2B client, and each refuses only the other vertical.
        w.WriteNull("vertical");
    });
}
