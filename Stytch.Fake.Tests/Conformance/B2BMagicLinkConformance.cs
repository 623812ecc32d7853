using Stytch.Fake.Core;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The B2B email magic link operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class B2BMagicLinkConformance
{
    private const string LoginOrSignup = "/v1/b2b/magic_links/email/login_or_signup";
    private const string Invite = "/v1/b2b/magic_links/email/invite";
    private const string Authenticate = "/v1/b2b/magic_links/authenticate";
    private const string Verifier = "a-pkce-code-verifier-of-enough-length-0123456789";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("B2BMagicLinkLoginOrSignup_NewMemberByJit", "POST", LoginOrSignup, async r =>
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@acme.io" })),
        new("B2BMagicLinkLoginOrSignup_ActiveMemberEveryOption", "POST", LoginOrSignup, async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.PostAsync(LoginOrSignup, new
            {
                organization_id = org,
                email_address = "ada@acme.io",
                login_redirect_url = RedirectUrls.FreshProjectDefault,
                signup_redirect_url = RedirectUrls.FreshProjectDefault,
                pkce_code_challenge = Pkce.ChallengeOf(Verifier),
                login_template_id = "login",
                signup_template_id = "signup",
                locale = "fr",
                login_expiration_minutes = 5,
                signup_expiration_minutes = 10_080,
            });
        }),
        new("B2BMagicLinkInvite_NewMemberEveryField", "POST", Invite, async r =>
        {
            var org = await InvitingOrganizationAsync(r);
            var inviter = await r.MemberAsync(org, "boss@acme.io");
            return await r.Client.PostAsync(Invite, new
            {
                organization_id = org,
                email_address = "bob@elsewhere.io",
                invite_redirect_url = RedirectUrls.FreshProjectDefault,
                invited_by_member_id = inviter,
                name = "Bob",
                trusted_metadata = new { plan = "pro" },
                untrusted_metadata = new { theme = "dark" },
                invite_template_id = "welcome",
                locale = "es",
                roles = new[] { "stytch_admin" },
                invite_expiration_minutes = 120,
            });
        }),
        new("B2BMagicLinkInvite_PendingMember", "POST", Invite, async r =>
        {
            var org = await InvitingOrganizationAsync(r);
            await r.MemberAsync(org, "ada@acme.io", pending: true);
            return await r.Client.PostAsync(Invite, new { organization_id = org, email_address = "ada@acme.io" });
        }),
        new("B2BMagicLinkAuthenticate_NewMember", "POST", Authenticate, async r =>
        {
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@acme.io" });
            return await r.Client.PostAsync(Authenticate, new { magic_links_token = r.Project.Outbox.LatestFor("ada@acme.io").Token });
        }),
        new("B2BMagicLinkAuthenticate_InvitedMember", "POST", Authenticate, async r =>
        {
            await r.Client.PostAsync(Invite, new { organization_id = await InvitingOrganizationAsync(r), email_address = "bob@elsewhere.io" });
            return await r.Client.PostAsync(Authenticate, new { magic_links_token = r.Project.Outbox.LatestFor("bob@elsewhere.io").Token, locale = "pt-br" });
        }),
        new("B2BMagicLinkAuthenticate_ExtendsSessionWithPkceAndClaims", "POST", Authenticate, async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            var first = await r.MemberLoginAsync(org, "ada@acme.io");
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = org, email_address = "ada@acme.io", pkce_code_challenge = Pkce.ChallengeOf(Verifier) });
            return await r.Client.PostAsync(Authenticate, new
            {
                magic_links_token = r.Project.Outbox.LatestFor("ada@acme.io").Token,
                pkce_code_verifier = Verifier,
                session_token = first["session_token"],
                session_duration_minutes = 240,
                session_custom_claims = new { tier = "gold" },
            });
        }),
        new("B2BMagicLinkLoginOrSignup_Sandbox", "POST", LoginOrSignup, r =>
            r.Client.PostAsync(LoginOrSignup, new { organization_id = "organization-test-007d9d4a-deac-4a87-ba0a-e6e8afba4d4b", email_address = "sandbox@stytch.com" })),
        new("B2BMagicLinkInvite_Sandbox", "POST", Invite, r =>
            r.Client.PostAsync(Invite, new { organization_id = "organization-test-007d9d4a-deac-4a87-ba0a-e6e8afba4d4b", email_address = "sandbox@stytch.com" })),
        new("B2BMagicLinkAuthenticate_SandboxToken", "POST", Authenticate, r =>
            r.Client.PostAsync(Authenticate, new { magic_links_token = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=" })),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("B2BMagicLinkNotFound", 404, "magic_link_not_found", r => r.Client.PostAsync(Authenticate, new { magic_links_token = "no-such-token" })),
        new("B2BMagicLinkUsed", 401, "unable_to_auth_magic_link", async r =>
        {
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@acme.io" });
            var token = r.Project.Outbox.LatestFor("ada@acme.io").Token;
            await r.Client.PostAsync(Authenticate, new { magic_links_token = token });
            return await r.Client.PostAsync(Authenticate, new { magic_links_token = token });
        }),
        new("B2BMagicLinkInvalidExpiration", 400, "invalid_expiration", async r =>
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@acme.io", signup_expiration_minutes = 4 })),
        new("B2BMagicLinkInvalidEmailForInvites", 400, "invalid_email_for_invites", async r =>
            await r.Client.PostAsync(Invite, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "bob@acme.io" })),
        new("B2BMagicLinkUnlistedRedirectUrl", 400, "no_match_for_provided_magic_link_url", async r =>
            await r.Client.PostAsync(LoginOrSignup, new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@acme.io", signup_redirect_url = "https://elsewhere.example/" })),
    ];

    /// <summary>An organization that JIT provisions acme.io and lets anyone be invited; its id.</summary>
    private static async Task<string> InvitingOrganizationAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync("/v1/b2b/organizations", new
        {
            organization_name = "Acme Inc",
            organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED",
            email_allowed_domains = new[] { "acme.io" },
            email_invites = "ALL_ALLOWED",
        });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!["organization_id"]!.GetValue<string>();
    }
}
