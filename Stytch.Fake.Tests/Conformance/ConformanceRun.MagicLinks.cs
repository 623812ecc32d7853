using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The consumer magic-link variants: every way those operations answer 200, and their errors.</summary>
internal sealed partial class ConformanceRun
{
    private const string MagicLinkSend = "/v1/magic_links/email/send";
    private const string MagicLinkLoginOrCreate = "/v1/magic_links/email/login_or_create";
    private const string MagicLinkInvite = "/v1/magic_links/email/invite";
    private const string MagicLinkAuthenticate = "/v1/magic_links/authenticate";
    private const string PkceVerifier = "a-verifier-of-forty-three-characters-or-more-1234";

    private static IEnumerable<ResponseVariant> MagicLinkVariants() =>
    [
        Post("MagicLinkLoginOrCreate_NewUser", MagicLinkLoginOrCreate, r => r.Client.PostAsync(MagicLinkLoginOrCreate, new { email = "ada@example.com" })),
        Post("MagicLinkLoginOrCreate_EveryOption", MagicLinkLoginOrCreate, r => r.Client.PostAsync(MagicLinkLoginOrCreate, new
        {
            email = "ada@example.com",
            login_magic_link_url = "http://localhost:3000/authenticate",
            signup_magic_link_url = "http://localhost:3000/authenticate",
            login_expiration_minutes = 5,
            signup_expiration_minutes = 10_080,
            login_template_id = "login",
            signup_template_id = "signup",
            attributes = new { ip_address = "203.0.113.7", user_agent = "Mozilla/5.0" },
            create_user_as_pending = true,
            code_challenge = Pkce.ChallengeOf(PkceVerifier),
            locale = "pt-br",
        })),
        Post("MagicLinkLoginOrCreate_Sandbox", MagicLinkLoginOrCreate, r => r.Client.PostAsync(MagicLinkLoginOrCreate, new { email = "sandbox@stytch.com" })),
        Post("MagicLinkSend_ExistingUser", MagicLinkSend, async r =>
        {
            r.Project.Users.Create("ada@example.com");
            return await r.Client.PostAsync(MagicLinkSend, new { email = "ada@example.com", locale = "fr" });
        }),
        Post("MagicLinkSend_Sandbox", MagicLinkSend, r => r.Client.PostAsync(MagicLinkSend, new { email = "sandbox@stytch.com" })),
        Post("MagicLinkInvite_NewUser", MagicLinkInvite, r => r.Client.PostAsync(MagicLinkInvite, new
        {
            email = "ada@example.com", invite_template_id = "welcome", name = new { first_name = "Ada" }, invite_expiration_minutes = 120,
            trusted_metadata = new { plan = "pro" }, untrusted_metadata = new { theme = "dark" },
        })),
        Post("MagicLinkRevokeInvite_InvitedUser", "/v1/magic_links/email/revoke_invite", async r =>
        {
            await r.Client.PostAsync(MagicLinkInvite, new { email = "ada@example.com" });
            return await r.Client.PostAsync("/v1/magic_links/email/revoke_invite", new { email = "ada@example.com" });
        }),
        Post("MagicLinkCreate_Embeddable", "/v1/magic_links", r =>
            r.Client.PostAsync("/v1/magic_links", new { user_id = r.Project.Users.Create("ada@example.com").UserId, expiration_minutes = 30 })),
        Post("MagicLinkAuthenticate_WithoutSession", MagicLinkAuthenticate, async r =>
            await r.Client.PostAsync(MagicLinkAuthenticate, new { token = await r.MagicLinkTokenAsync("ada@example.com") })),
        Post("MagicLinkAuthenticate_WithSessionClaimsAndPkce", MagicLinkAuthenticate, async r =>
        {
            var token = await r.MagicLinkTokenAsync("ada@example.com", Pkce.ChallengeOf(PkceVerifier));
            return await r.Client.PostAsync(MagicLinkAuthenticate, new
            {
                token, code_verifier = PkceVerifier, session_duration_minutes = 60, session_custom_claims = new { plan = "pro" },
                attributes = new { ip_address = "203.0.113.7" }, options = new { ip_match_required = false, user_agent_match_required = false },
            });
        }),
        Post("MagicLinkAuthenticate_ExtendingAnOtpSession", MagicLinkAuthenticate, async r =>
        {
            var first = await r.LoginAsync("ada@example.com");
            var token = await r.MagicLinkTokenAsync("ada@example.com");
            return await r.Client.PostAsync(MagicLinkAuthenticate, new { token, session_token = first.SessionToken, session_duration_minutes = 120 });
        }),
        Post("MagicLinkAuthenticate_EmbeddableWithSession", MagicLinkAuthenticate, async r =>
        {
            var created = await r.Client.PostAsync("/v1/magic_links", new { user_id = r.Project.Users.Create("ada@example.com").UserId });
            return await r.Client.PostAsync(MagicLinkAuthenticate, new { token = created["token"], session_duration_minutes = 5 });
        }),
        Post("MagicLinkAuthenticate_SandboxWithSession", MagicLinkAuthenticate, r =>
            r.Client.PostAsync(MagicLinkAuthenticate, new { token = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=", session_duration_minutes = 30 })),
    ];

    private static IEnumerable<ErrorVariant> MagicLinkErrorVariants() =>
    [
        new("MagicLinkExpirationOutOfRange", 400, "invalid_expiration", r => r.Client.PostAsync(MagicLinkLoginOrCreate, new { email = "ada@example.com", login_expiration_minutes = 4 })),
        new("MagicLinkNotFound", 404, "magic_link_not_found", r => r.Client.PostAsync(MagicLinkAuthenticate, new { token = "CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=" })),
        new("MagicLinkUsed", 401, "unable_to_auth_magic_link", async r =>
        {
            var token = await r.MagicLinkTokenAsync("ada@example.com");
            await r.Client.PostAsync(MagicLinkAuthenticate, new { token });
            return await r.Client.PostAsync(MagicLinkAuthenticate, new { token });
        }),
        new("PkceExpectedCodeVerifier", 400, "pkce_expected_code_verifier", async r =>
            await r.Client.PostAsync(MagicLinkAuthenticate, new { token = await r.MagicLinkTokenAsync("ada@example.com", Pkce.ChallengeOf(PkceVerifier)) })),
        new("PkceMismatch", 400, "pkce_mismatch", async r =>
            await r.Client.PostAsync(MagicLinkAuthenticate, new { token = await r.MagicLinkTokenAsync("ada@example.com", Pkce.ChallengeOf(PkceVerifier)), code_verifier = "x" })),
        new("PkceDidNotExpectCodeVerifier", 400, "pkce_did_not_expect_code_verifier", async r =>
            await r.Client.PostAsync(MagicLinkAuthenticate, new { token = await r.MagicLinkTokenAsync("ada@example.com"), code_verifier = PkceVerifier })),
    ];

    /// <summary>magic_links/email/login_or_create (with a PKCE challenge, if given), and the token that was "sent".</summary>
    public async Task<string> MagicLinkTokenAsync(string email, string? codeChallenge = null)
    {
        var sent = await Client.PostAsync(MagicLinkLoginOrCreate, new { email, code_challenge = codeChallenge });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return Project.Outbox.LatestFor(email).Token!;
    }
}
