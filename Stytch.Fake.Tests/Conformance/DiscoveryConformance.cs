using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The B2B discovery operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class DiscoveryConformance
{
    private const string OtpSend = "/v1/b2b/otps/email/discovery/send";
    private const string OtpAuthenticate = "/v1/b2b/otps/email/discovery/authenticate";
    private const string List = "/v1/b2b/discovery/organizations";
    private const string LinkSend = "/v1/b2b/magic_links/email/discovery/send";
    private const string LinkAuthenticate = "/v1/b2b/magic_links/discovery/authenticate";
    private const string Verifier = "a-pkce-code-verifier-of-enough-length-0123456789";
    private const string Exchange = "/v1/b2b/discovery/intermediate_sessions/exchange";
    private const string Create = "/v1/b2b/discovery/organizations/create";
    private const string Phone = "+14155550123";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("DiscoveryOtpSend_NewAddress", "POST", OtpSend, r => r.Client.PostAsync(OtpSend, new { email_address = "ada@acme.io" })),
        new("DiscoveryOtpSend_EveryOption", "POST", OtpSend, r =>
            r.Client.PostAsync(OtpSend, new { email_address = "ada@acme.io", login_template_id = "discovery", locale = "es", discovery_expiration_minutes = 15 })),
        new("DiscoveryOtpAuthenticate_NoOrganization", "POST", OtpAuthenticate, r => AuthenticateAsync(r, "ada@elsewhere.io")),
        new("DiscoveryOtpAuthenticate_EveryMembershipType", "POST", OtpAuthenticate, async r =>
        {
            await EveryMembershipAsync(r);
            return await AuthenticateAsync(r, "ada@acme.io");
        }),
        new("DiscoveryOrganizations_IntermediateSession", "POST", List, async r =>
        {
            await EveryMembershipAsync(r);
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(List, new { intermediate_session_token = ist });
        }),
        new("DiscoveryOrganizations_MemberSession", "POST", List, async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            var login = await r.MemberLoginAsync(org, "ada@acme.io");
            return await r.Client.PostAsync(List, new { session_jwt = login["session_jwt"] });
        }),
        new("DiscoveryLinkSend_NewAddress", "POST", LinkSend, r => r.Client.PostAsync(LinkSend, new { email_address = "ada@acme.io" })),
        new("DiscoveryLinkSend_EveryOption", "POST", LinkSend, r => r.Client.PostAsync(LinkSend, new
        {
            email_address = "ada@acme.io",
            discovery_redirect_url = "http://localhost:3000/authenticate",
            pkce_code_challenge = Stytch.Fake.Core.Pkce.ChallengeOf(Verifier),
            login_template_id = "discovery",
            locale = "pt-br",
            discovery_expiration_minutes = 10_080,
        })),
        new("DiscoveryLinkSend_Sandbox", "POST", LinkSend, r => r.Client.PostAsync(LinkSend, new { email_address = "sandbox@stytch.com" })),
        new("DiscoveryLinkAuthenticate_WithPkce", "POST", LinkAuthenticate, async r =>
        {
            await EveryMembershipAsync(r);
            await r.Client.PostAsync(LinkSend, new { email_address = "ada@acme.io", pkce_code_challenge = Stytch.Fake.Core.Pkce.ChallengeOf(Verifier) });
            return await r.Client.PostAsync(LinkAuthenticate, new { discovery_magic_links_token = r.Project.Outbox.LatestFor("ada@acme.io").Token, pkce_code_verifier = Verifier });
        }),
        new("DiscoveryLinkAuthenticate_SandboxToken", "POST", LinkAuthenticate, r =>
            r.Client.PostAsync(LinkAuthenticate, new { discovery_magic_links_token = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=" })),
        new("DiscoveryOtpAuthenticate_OrganizationRequiringMfa", "POST", OtpAuthenticate, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync($"/v1/b2b/organizations/{org}/members", new { email_address = "ada@acme.io", mfa_phone_number = Phone });
            return await AuthenticateAsync(r, "ada@acme.io");
        }),
        new("DiscoveryExchange_ActiveMember", "POST", Exchange, async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(Exchange, new { intermediate_session_token = ist, organization_id = org, session_duration_minutes = 120, session_custom_claims = new { tier = "gold" }, locale = "en" });
        }),
        new("DiscoveryExchange_JoinByEmailDomain", "POST", Exchange, async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            await r.MemberLoginAsync(org, "boss@acme.io");
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(Exchange, new { intermediate_session_token = ist, organization_id = org });
        }),
        new("DiscoveryExchange_MfaRequired", "POST", Exchange, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync($"/v1/b2b/organizations/{org}/members", new { email_address = "ada@acme.io", mfa_phone_number = Phone });
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(Exchange, new { intermediate_session_token = ist, organization_id = org });
        }),
        new("DiscoveryCreate_Defaults", "POST", Create, async r =>
            await r.Client.PostAsync(Create, new { intermediate_session_token = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"] })),
        new("DiscoveryCreate_EveryField", "POST", Create, async r => await r.Client.PostAsync(Create, new
        {
            intermediate_session_token = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"],
            session_duration_minutes = 240,
            session_custom_claims = new { tier = "gold" },
            organization_name = "Acme Inc",
            organization_slug = "acme",
            organization_logo_url = "https://acme.io/logo.png",
            organization_external_id = "acme-ext",
            trusted_metadata = new { plan = "pro" },
            sso_jit_provisioning = "NOT_ALLOWED",
            email_allowed_domains = new[] { "acme.io" },
            email_jit_provisioning = "RESTRICTED",
            email_invites = "RESTRICTED",
            auth_methods = "RESTRICTED",
            allowed_auth_methods = new[] { "email_otp", "magic_link" },
            mfa_policy = "OPTIONAL",
            rbac_email_implicit_role_assignments = new[] { new { domain = "acme.io", role_id = "stytch_member" } },
            mfa_methods = "RESTRICTED",
            allowed_mfa_methods = new[] { "sms_otp" },
            oauth_tenant_jit_provisioning = "NOT_ALLOWED",
            allowed_oauth_tenants = new { },
            first_party_connected_apps_allowed_type = "ALL_ALLOWED",
            allowed_first_party_connected_apps = Array.Empty<string>(),
            third_party_connected_apps_allowed_type = "ALL_ALLOWED",
            allowed_third_party_connected_apps = Array.Empty<string>(),
        })),
        new("DiscoveryCreate_MfaRequired", "POST", Create, async r =>
            await r.Client.PostAsync(Create, new { intermediate_session_token = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"], mfa_policy = "REQUIRED_FOR_ALL" })),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("DiscoveryExchangeNotJoinable", 400, "email_jit_provisioning_not_allowed", async r =>
        {
            var org = await r.OrganizationAsync();
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(Exchange, new { intermediate_session_token = ist, organization_id = org });
        }),
        new("DiscoveryCreateSlugTaken", 400, "organization_slug_already_used", async r =>
        {
            await r.OrganizationAsync();
            var ist = (await AuthenticateAsync(r, "ada@acme.io"))["intermediate_session_token"];
            return await r.Client.PostAsync(Create, new { intermediate_session_token = ist, organization_slug = "acme" });
        }),
        new("DiscoveryLinkNotFound", 404, "magic_link_not_found", r => r.Client.PostAsync(LinkAuthenticate, new { discovery_magic_links_token = "no-such-token" })),
        new("DiscoveryLinkInvalidExpiration", 400, "invalid_expiration", r =>
            r.Client.PostAsync(LinkSend, new { email_address = "ada@acme.io", discovery_expiration_minutes = 4 })),
        new("DiscoveryLinkUnlistedRedirectUrl", 400, "no_match_for_provided_magic_link_url", r =>
            r.Client.PostAsync(LinkSend, new { email_address = "ada@acme.io", discovery_redirect_url = "https://elsewhere.example/" })),
        new("DiscoveryOtpWrongCode", 404, "otp_code_not_found", async r =>
        {
            await r.Client.PostAsync(OtpSend, new { email_address = "ada@acme.io" });
            return await r.Client.PostAsync(OtpAuthenticate, new { email_address = "ada@acme.io", code = OtherCode(r.Project.Outbox.LatestFor("ada@acme.io").Code) });
        }),
        new("DiscoveryOtpInvalidExpiration", 400, "invalid_expiration_otp", r =>
            r.Client.PostAsync(OtpSend, new { email_address = "ada@acme.io", discovery_expiration_minutes = 16 })),
        new("DiscoveryOrganizationsUnknownIntermediateSession", 404, "intermediate_session_not_found", r =>
            r.Client.PostAsync(List, new { intermediate_session_token = "no-such-token" })),
        new("DiscoveryOrganizationsNoArguments", 400, "no_session_arguments", r => r.Client.PostAsync(List, new { })),
    ];

    /// <summary>Sends a discovery code to <paramref name="email"/> and authenticates it; the authenticate answer.</summary>
    public static async Task<WireResult> AuthenticateAsync(ConformanceRun r, string email)
    {
        var sent = await r.Client.PostAsync(OtpSend, new { email_address = email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return await r.Client.PostAsync(OtpAuthenticate, new { email_address = email, code = r.Project.Outbox.LatestFor(email).Code });
    }

    /// <summary>
    /// Organizations where ada@acme.io is an active, a pending and an invited member, and one she may join by her domain
    /// (a verified acme.io member is already there).
    /// </summary>
    private static async Task EveryMembershipAsync(ConformanceRun r)
    {
        await r.MemberAsync(await r.OrganizationAsync("active"), "ada@acme.io");
        await r.MemberAsync(await r.OrganizationAsync("pending"), "ada@acme.io", pending: true);
        var invited = await r.OrganizationAsync("invited");
        var invite = await r.Client.PostAsync("/v1/b2b/magic_links/email/invite", new { organization_id = invited, email_address = "ada@acme.io" });
        Assert.That(invite.Status, Is.EqualTo(200), invite.Text);
        await r.MemberLoginAsync(await r.OrganizationAsync("joinable", jit: true), "boss@acme.io");
    }

    /// <summary>An organization that requires MFA of everyone; its id.</summary>
    private static async Task<string> MfaOrganizationAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync("/v1/b2b/organizations", new { organization_name = "Secure Inc", organization_slug = "secure", mfa_policy = "REQUIRED_FOR_ALL" });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!["organization_id"]!.GetValue<string>();
    }

    private static string OtherCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
