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
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
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

    private static string OtherCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
