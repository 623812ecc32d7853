using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Tests.Wire;
using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>
/// A test's fake (on a frozen clock) with its Basic-auth client, the steps the variants share, and the variants themselves:
/// every way <see cref="SpecConformanceTests"/> makes each operation answer 200 (where the shapes differ) or an error.
/// </summary>
internal sealed partial class ConformanceRun
{
    private const string Orgs = "/v1/b2b/organizations";
    private const string Jwt = "session_jwt";
    private const string Token = "session_token";

    public ConformanceRun(StytchFake stytch, WireClient client)
    {
        Stytch = stytch;
        Client = client;
    }

    public StytchFake Stytch { get; }

    public WireClient Client { get; }

    public StytchFakeProject Project => Stytch.DefaultProject;

    /// <summary>A clean project: no users, organizations, sessions, codes, faults; the clock back; one signing key.</summary>
    public void Reset()
    {
        Project.Reset();
        Project.RemoveOldSigningKeys();
    }

    /// <summary>An organization create body with every field the spec allows.</summary>
    private static readonly object EveryOrganizationField = new
    {
        organization_name = "Acme Inc",
        organization_slug = "acme",
        organization_logo_url = "https://acme.io/logo.png",
        trusted_metadata = new { plan = "gold", seats = 12 },
        organization_external_id = "acme-ext",
        sso_jit_provisioning = "RESTRICTED",
        email_allowed_domains = new[] { "acme.io" },
        email_jit_provisioning = "RESTRICTED",
        email_invites = "RESTRICTED",
        auth_methods = "RESTRICTED",
        allowed_auth_methods = new[] { "email_otp", "sso" },
        mfa_policy = "REQUIRED_FOR_ALL",
        rbac_email_implicit_role_assignments = new[] { new { domain = "acme.io", role_id = "stytch_member" } },
        mfa_methods = "RESTRICTED",
        allowed_mfa_methods = new[] { "totp" },
        oauth_tenant_jit_provisioning = "RESTRICTED",
        allowed_oauth_tenants = new { slack = new[] { "T0123" } },
        claimed_email_domains = new[] { "acme.io" },
        first_party_connected_apps_allowed_type = "RESTRICTED",
        allowed_first_party_connected_apps = new[] { "connected-app-test-1" },
        third_party_connected_apps_allowed_type = "NOT_ALLOWED",
        allowed_third_party_connected_apps = Array.Empty<string>(),
    };

    // ---- the 200 variants -------------------------------------------------------------------------

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        // consumer email OTP
        Post("LoginOrCreate_NewUser", "/v1/otps/email/login_or_create", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" })),
        Post("LoginOrCreate_ExistingUser", "/v1/otps/email/login_or_create", async r =>
        {
            await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", expiration_minutes = 10, locale = "fr" });
        }),
        Post("LoginOrCreate_PendingUser", "/v1/otps/email/login_or_create", r =>
            r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", create_user_as_pending = true })),
        Post("LoginOrCreate_UnknownFieldIgnored", "/v1/otps/email/login_or_create", r =>
            r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", field_of_a_newer_sdk = true })),
        Post("LoginOrCreate_Sandbox", "/v1/otps/email/login_or_create", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "sandbox@stytch.com" })),
        Post("Send_ExistingUser", "/v1/otps/email/send", async r =>
        {
            await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });
        }),
        Post("Send_Sandbox", "/v1/otps/email/send", r => r.Client.PostAsync("/v1/otps/email/send", new { email = "sandbox@stytch.com" })),
        Post("OtpsAuthenticate_WithoutSession", "/v1/otps/authenticate", async r =>
        {
            var (emailId, code) = await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code });
        }),
        Post("OtpsAuthenticate_WithSession", "/v1/otps/authenticate", r => r.LoginResponseAsync("ada@example.com")),
        Post("OtpsAuthenticate_PendingUserWithSession", "/v1/otps/authenticate", async r =>
        {
            await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", create_user_as_pending = true });
            return await r.LoginResponseAsync("ada@example.com");
        }),
        Post("OtpsAuthenticate_ExtendingASessionToken", "/v1/otps/authenticate", async r =>
        {
            var first = await r.LoginAsync("ada@example.com");
            var (emailId, code) = await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_token = first.SessionToken, session_duration_minutes = 120 });
        }),
        Post("OtpsAuthenticate_SandboxWithoutSession", "/v1/otps/authenticate", async r =>
        {
            await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "sandbox@stytch.com" });
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = Sandbox.EmailId, code = Sandbox.Code });
        }),
        Post("OtpsAuthenticate_SandboxWithSession", "/v1/otps/authenticate", r =>
            r.Client.PostAsync("/v1/otps/authenticate", new { method_id = Sandbox.EmailId, code = Sandbox.Code, session_duration_minutes = 30 })),
        Post("OtpsAuthenticate_ClaimsAttributesAndMatchingOptions", "/v1/otps/authenticate", async r =>
        {
            var attributes = new { ip_address = "203.0.113.7", user_agent = "Mozilla/5.0" };
            var sent = await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", attributes });
            return await r.Client.PostAsync("/v1/otps/authenticate", new
            {
                method_id = sent["email_id"], code = r.Project.Outbox.LatestFor("ada@example.com").Code, session_duration_minutes = 60, attributes,
                options = new { ip_match_required = true, user_agent_match_required = true },
                session_custom_claims = new { plan = "pro", org = new { id = 7, tags = new[] { "a" } } },
            });
        }),

        // consumer sessions
        Post("SessionsAuthenticate_Token", "/v1/sessions/authenticate", async r =>
            await r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = (await r.LoginAsync("ada@example.com")).SessionToken })),
        Post("SessionsAuthenticate_Jwt", "/v1/sessions/authenticate", async r =>
            await r.Client.PostAsync("/v1/sessions/authenticate", new { session_jwt = (await r.LoginAsync("ada@example.com")).SessionJwt })),
        Post("SessionsAuthenticate_StaleJwtRefreshed", "/v1/sessions/authenticate", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            r.Project.Clock.Advance(TimeSpan.FromMinutes(6));
            return await r.Client.PostAsync("/v1/sessions/authenticate", new { session_jwt = login.SessionJwt });
        }),
        Post("SessionsAuthenticate_ExtendedWithCheck", "/v1/sessions/authenticate", async r =>
        {
            r.Project.Rbac.LoadPolicyJson("""{"resources":[{"resource_id":"documents","actions":["read"]}],"roles":[{"role_id":"reader","permissions":[{"resource_id":"documents","actions":["read"]}]}]}""");
            var login = await r.LoginAsync("ada@example.com");
            r.Project.Rbac.SetUserRoles(r.Project.Users.All.Single().UserId, "reader");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new
            {
                session_token = login.SessionToken,
                session_duration_minutes = 240,
                authorization_check = new { resource_id = "documents", action = "read" },
            });
        }),
        Post("SessionsAuthenticate_MergingCustomClaims", "/v1/sessions/authenticate", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken, session_custom_claims = new { plan = "pro", seats = 5 } });
        }),
        Post("SessionsRevoke_SessionId", "/v1/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/sessions/revoke", new { session_id = (await r.LoginAsync("ada@example.com")).SessionId })),
        Post("SessionsRevoke_Token", "/v1/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/sessions/revoke", new { session_token = (await r.LoginAsync("ada@example.com")).SessionToken })),
        Post("SessionsRevoke_Jwt", "/v1/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/sessions/revoke", new { session_jwt = (await r.LoginAsync("ada@example.com")).SessionJwt })),
        Get("SessionsGet_OneSession", "/v1/sessions", async r =>
            await r.Client.GetAsync("/v1/sessions?user_id=" + (await r.LoginAsync("ada@example.com")).UserId)),
        Get("SessionsGet_NoSession", "/v1/sessions", async r =>
        {
            var sent = await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
            return await r.Client.GetAsync("/v1/sessions?user_id=" + sent["user_id"]);
        }),
        Get("SessionsJwks_BasicAuth", "/v1/sessions/jwks/{project_id}", r => r.Client.GetAsync("/v1/sessions/jwks/" + r.Project.ProjectId)),
        Get("SessionsJwks_NoAuthAfterRotation", "/v1/sessions/jwks/{project_id}", r =>
        {
            r.Project.RotateSigningKey();
            return r.AnonymousGetAsync("/v1/sessions/jwks/" + r.Project.ProjectId);
        }),

        // consumer users
        Get("UsersGet_ActiveUser", "/v1/users/{user_id}", async r =>
            await r.Client.GetAsync("/v1/users/" + (await r.LoginAsync("ada@example.com")).UserId)),
        Get("UsersGet_PendingUser", "/v1/users/{user_id}", async r =>
        {
            var sent = await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", create_user_as_pending = true });
            return await r.Client.GetAsync("/v1/users/" + sent["user_id"]);
        }),
        Delete("UsersDelete_User", "/v1/users/{user_id}", async r =>
            await r.Client.DeleteAsync("/v1/users/" + (await r.LoginAsync("ada@example.com")).UserId)),

        // B2B email OTP
        Post("LoginOrSignup_ActiveMember", "/v1/b2b/otps/email/login_or_signup", async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = org, email_address = "ada@acme.io" });
        }),
        Post("LoginOrSignup_PendingMember", "/v1/b2b/otps/email/login_or_signup", async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io", pending: true);
            return await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = org, email_address = "ada@acme.io", signup_expiration_minutes = 15, locale = "es" });
        }),
        Post("LoginOrSignup_InvitedMember", "/v1/b2b/otps/email/login_or_signup", r =>
        {
            var seeded = r.Project.Seed.Organization(o => o.Slug("acme")).WithInvitedMember("ada@acme.io", name: "Ada Lovelace");
            return r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = seeded.Slug, email_address = "ada@acme.io" });
        }),
        Post("LoginOrSignup_NewMemberByJit", "/v1/b2b/otps/email/login_or_signup", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            return await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = org, email_address = "ada@acme.io" });
        }),
        Post("B2BOtpAuthenticate_NewMemberDefaultSession", "/v1/b2b/otps/email/authenticate", async r =>
            await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io")),
        Post("B2BOtpAuthenticate_ActiveMemberWithDuration", "/v1/b2b/otps/email/authenticate", async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            return await r.MemberLoginAsync(org, "ada@acme.io", new() { ["session_duration_minutes"] = 480, ["locale"] = "pt-br" });
        }),
        Post("B2BOtpAuthenticate_CustomClaims", "/v1/b2b/otps/email/authenticate", async r =>
            await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io", new() { ["session_custom_claims"] = new { tier = "gold", seats = 5 } })),
        Post("B2BOtpAuthenticate_ExistingSessionToken", "/v1/b2b/otps/email/authenticate", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            var first = await r.MemberLoginAsync(org, "ada@acme.io");
            return await r.MemberLoginAsync(org, "ada@acme.io", new() { [Token] = first[Token] });
        }),

        // B2B organizations
        Post("OrganizationsCreate_NameOnly", Orgs, r => r.Client.PostAsync(Orgs, new { organization_name = "Acme Inc" })),
        Post("OrganizationsCreate_EveryField", Orgs, r => r.Client.PostAsync(Orgs, EveryOrganizationField)),
        Get("OrganizationsGet_ById", Orgs + "/{organization_id}", async r => await r.Client.GetAsync(Orgs + "/" + await r.OrganizationAsync())),
        Get("OrganizationsGet_BySlugEveryField", Orgs + "/{organization_id}", async r =>
        {
            await r.Client.PostAsync(Orgs, EveryOrganizationField);
            return await r.Client.GetAsync(Orgs + "/acme");
        }),
        Put("OrganizationsUpdate_Settings", Orgs + "/{organization_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            return await r.Client.SendAsync(HttpMethod.Put, Orgs + "/" + org, """
                {"organization_name":"Acme Corp","sso_jit_provisioning":"NOT_ALLOWED","sso_default_connection_id":"",
                 "sso_jit_provisioning_allowed_connections":[],"rbac_email_implicit_role_assignments":[{"domain":"acme.io","role_id":"stytch_admin"}],
                 "trusted_metadata":{"tier":"gold"}}
                """);
        }),
        // The official .NET SDK repeats the path's ids in the body (Newtonsoft, nulls left out).
        Put("OrganizationsUpdate_DotNetSdkBodyWithThePathId", Orgs + "/{organization_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            return await r.Client.SendAsync(HttpMethod.Put, Orgs + "/" + org, $$"""{"organization_id":"{{org}}","organization_name":"Acme Corp"}""");
        }),
        Delete("OrganizationsDelete_Organization", Orgs + "/{organization_id}", async r => await r.Client.DeleteAsync(Orgs + "/" + await r.OrganizationAsync())),
        Post("OrganizationsSearch_AllOnOnePage", Orgs + "/search", async r =>
        {
            await r.OrganizationAsync("acme");
            await r.OrganizationAsync("globex");
            return await r.Client.PostAsync(Orgs + "/search", new { });
        }),
        Post("OrganizationsSearch_FirstPageWithNextCursor", Orgs + "/search", async r =>
        {
            await r.OrganizationAsync("acme");
            await r.OrganizationAsync("globex");
            return await r.Client.PostAsync(Orgs + "/search", new { limit = 1 });
        }),
        Post("OrganizationsSearch_QueryWithoutMatch", Orgs + "/search", async r =>
        {
            await r.OrganizationAsync("acme");
            return await r.Client.PostAsync(Orgs + "/search", new
            {
                query = new { @operator = "AND", operands = new object[] { new { filter_name = "organization_slugs", filter_value = new[] { "initech" } } } },
            });
        }),

        // B2B members
        Post("MembersCreate_Active", Orgs + "/{organization_id}/members", async r =>
            await r.Client.PostAsync($"{Orgs}/{await r.OrganizationAsync()}/members", new { email_address = "ada@acme.io" })),
        Post("MembersCreate_DotNetSdkBodyWithThePathId", Orgs + "/{organization_id}/members", async r =>
        {
            var org = await r.OrganizationAsync();
            return await r.Client.PostRawAsync($"{Orgs}/{org}/members", $$"""{"organization_id":"{{org}}","email_address":"ada@acme.io","name":"Ada Lovelace"}""");
        }),
        Post("MembersCreate_PendingEveryField", Orgs + "/{organization_id}/members", async r =>
            await r.Client.PostAsync($"{Orgs}/{await r.OrganizationAsync()}/members", new
            {
                email_address = "ada@acme.io",
                name = "Ada Lovelace",
                trusted_metadata = new { level = 3 },
                untrusted_metadata = new { theme = "dark" },
                create_member_as_pending = true,
                is_breakglass = true,
                mfa_phone_number = "+12025550123",
                mfa_enrolled = true,
                roles = new[] { "stytch_admin" },
                external_id = "ada-1",
            })),
        Post("MembersCreate_ImplicitRoleFromEmailDomain", Orgs + "/{organization_id}/members", async r =>
        {
            var org = await r.Client.PostAsync(Orgs, new
            {
                organization_name = "Acme Inc",
                organization_slug = "acme",
                rbac_email_implicit_role_assignments = new[] { new { domain = "acme.io", role_id = "stytch_admin" } },
            });
            Assert.That(org.Status, Is.EqualTo(200), org.Text);
            return await r.Client.PostAsync($"{Orgs}/acme/members", new { email_address = "ada@acme.io", roles = new[] { "stytch_admin" } });
        }),
        Get("MembersGet_ByMemberId", Orgs + "/{organization_id}/member", async r =>
        {
            var org = await r.OrganizationAsync();
            var member = await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.GetAsync($"{Orgs}/{org}/member?member_id={member}");
        }),
        Get("MembersGet_ByEmailAfterLogin", Orgs + "/{organization_id}/member", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            await r.MemberLoginAsync(org, "ada@acme.io");
            return await r.Client.GetAsync($"{Orgs}/{org}/member?email_address=ada@acme.io");
        }),
        Post("MembersSearch_FirstPageWithNextCursor", Orgs + "/members/search", async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            await r.MemberAsync(org, "bob@acme.io", pending: true);
            return await r.Client.PostAsync(Orgs + "/members/search", new { organization_ids = new[] { org }, limit = 1 });
        }),
        Post("MembersSearch_TwoOrganizationsLastPage", Orgs + "/members/search", async r =>
        {
            var acme = await r.OrganizationAsync("acme");
            var globex = await r.OrganizationAsync("globex");
            await r.MemberAsync(acme, "ada@acme.io");
            await r.MemberAsync(globex, "bob@globex.io");
            return await r.Client.PostAsync(Orgs + "/members/search", new { organization_ids = new[] { acme, globex } });
        }),
        Post("MembersSearch_DeletedByStatus", Orgs + "/members/search", async r =>
        {
            var org = await r.OrganizationAsync();
            var member = await r.MemberAsync(org, "ada@acme.io");
            await r.Client.DeleteAsync($"{Orgs}/{org}/members/{member}");
            return await r.Client.PostAsync(Orgs + "/members/search", new
            {
                organization_ids = new[] { org },
                query = new { @operator = "AND", operands = new object[] { new { filter_name = "statuses", filter_value = new[] { "deleted" } } } },
            });
        }),
        Post("MembersSearch_NoMatch", Orgs + "/members/search", async r =>
            await r.Client.PostAsync(Orgs + "/members/search", new { organization_ids = new[] { await r.OrganizationAsync() } })),
        Put("MembersUpdate_Fields", Orgs + "/{organization_id}/members/{member_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            var member = await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.SendAsync(HttpMethod.Put, $"{Orgs}/{org}/members/{member}", """
                {"name":"Ada L.","untrusted_metadata":{"theme":"light"},"mfa_phone_number":"+12025550199","default_mfa_method":"sms_otp","roles":["stytch_admin"]}
                """);
        }),
        Put("MembersUpdate_DotNetSdkBodyWithThePathIds", Orgs + "/{organization_id}/members/{member_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            var member = await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.SendAsync(HttpMethod.Put, $"{Orgs}/{org}/members/{member}", $$"""{"organization_id":"{{org}}","member_id":"{{member}}","name":"Ada King"}""");
        }),
        Put("MembersUpdate_EmailAddressRetiresTheOld", Orgs + "/{organization_id}/members/{member_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            var member = await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.SendAsync(HttpMethod.Put, $"{Orgs}/{org}/members/{member}", """{"email_address":"ada.lovelace@acme.io"}""");
        }),
        Delete("MembersDelete_Member", Orgs + "/{organization_id}/members/{member_id}", async r =>
        {
            var org = await r.OrganizationAsync();
            return await r.Client.DeleteAsync($"{Orgs}/{org}/members/{await r.MemberAsync(org, "ada@acme.io")}");
        }),

        // B2B sessions
        Post("B2BSessionsAuthenticate_Token", "/v1/b2b/sessions/authenticate", async r =>
        {
            var login = await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = login[Token] });
        }),
        Post("B2BSessionsAuthenticate_StaleJwtRefreshed", "/v1/b2b/sessions/authenticate", async r =>
        {
            var login = await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io");
            r.Project.Clock.Advance(TimeSpan.FromMinutes(6));
            return await r.Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_jwt = login[Jwt], session_duration_minutes = 90 });
        }),
        Post("B2BSessionsAuthenticate_AuthorizationCheckVerdict", "/v1/b2b/sessions/authenticate", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            var login = await r.MemberLoginAsync(org, "ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/sessions/authenticate", new
            {
                session_jwt = login[Jwt],
                authorization_check = new { organization_id = org, resource_id = "stytch.self", action = "update.info.name" },
            });
        }),
        Post("B2BSessionsAuthenticate_MergingCustomClaims", "/v1/b2b/sessions/authenticate", async r =>
        {
            var login = await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io", new() { ["session_custom_claims"] = new { tier = "gold" } });
            return await r.Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = login[Token], session_custom_claims = new { tier = (string?)null, seats = 5 } });
        }),
        Post("B2BSessionsRevoke_MemberSessionId", "/v1/b2b/sessions/revoke", async r =>
        {
            var login = await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/sessions/revoke", new { member_session_id = login.Json["member_session"]!["member_session_id"]!.GetValue<string>() });
        }),
        Post("B2BSessionsRevoke_Token", "/v1/b2b/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/b2b/sessions/revoke", new { session_token = (await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io"))[Token] })),
        Post("B2BSessionsRevoke_Jwt", "/v1/b2b/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/b2b/sessions/revoke", new { session_jwt = (await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io"))[Jwt] })),
        Post("B2BSessionsRevoke_MemberId", "/v1/b2b/sessions/revoke", async r =>
            await r.Client.PostAsync("/v1/b2b/sessions/revoke", new { member_id = (await r.MemberLoginAsync(await r.OrganizationAsync(jit: true), "ada@acme.io"))["member_id"] })),
        Get("B2BSessionsJwks_BasicAuth", "/v1/b2b/sessions/jwks/{project_id}", r => r.Client.GetAsync("/v1/b2b/sessions/jwks/" + r.Project.ProjectId)),
        Get("B2BSessionsJwks_NoAuthAfterRotation", "/v1/b2b/sessions/jwks/{project_id}", r =>
        {
            r.Project.RotateSigningKey();
            return r.AnonymousGetAsync("/v1/b2b/sessions/jwks/" + r.Project.ProjectId);
        }),
        .. M2MConformance.Variants,
        .. MagicLinkVariants(),
        .. B2BMagicLinkConformance.Variants,
        .. MfaConformance.Variants,
        .. DiscoveryConformance.Variants,
        .. PasswordConformance.Variants,
        .. B2BPasswordConformance.Variants,
        .. MemberSessionConformance.Variants,
        .. UserConformance.Variants,
        .. PhoneOtpConformance.Variants,
        .. MfaExtrasConformance.Variants,

        // RBAC
        Get("RbacPolicy_Defaults", "/v1/rbac/policy", r => r.Client.GetAsync("/v1/rbac/policy")),
        Get("RbacPolicy_ProjectPolicy", "/v1/rbac/policy", r =>
        {
            r.Project.Rbac.LoadPolicyJson(RbacDocuments);
            return r.Client.GetAsync("/v1/rbac/policy");
        }),
        Get("B2BRbacPolicy_Defaults", "/v1/b2b/rbac/policy", r => r.Client.GetAsync("/v1/b2b/rbac/policy")),
        Get("B2BRbacPolicy_ProjectPolicy", "/v1/b2b/rbac/policy", r =>
        {
            r.Project.Rbac.LoadPolicyJson(RbacDocuments);
            return r.Client.GetAsync("/v1/b2b/rbac/policy");
        }),
        Get("B2BRbacOrganizationsGet_NoRoles", "/v1/b2b/rbac/organizations/{organization_id}", async r =>
            await r.Client.GetAsync("/v1/b2b/rbac/organizations/" + await r.OrganizationAsync(jit: true))),
        Put("B2BRbacOrganizationsSet_OneRole", "/v1/b2b/rbac/organizations/{organization_id}", async r =>
            await r.Client.SendAsync(HttpMethod.Put, "/v1/b2b/rbac/organizations/" + await r.OrganizationAsync(jit: true),
                """{"org_policy":{"roles":[{"role_id":"auditor","description":"Reads members","permissions":[{"resource_id":"stytch.member","actions":["search"]}]}]}}""")),
    ];

    private const string RbacDocuments = """
        {"resources":[{"resource_id":"documents","description":"Docs","actions":["read","write"]}],
         "roles":[{"role_id":"editor","description":"Edits","permissions":[{"resource_id":"documents","actions":["*"]}]}],
         "scopes":[{"scope":"read:documents","description":"Reads","permissions":[{"resource_id":"documents","actions":["read"]}]}]}
        """;

    // ---- the error variants -----------------------------------------------------------------------

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("NoCredentials", 401, "unauthorized_credentials", r => r.AnonymousGetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000")),
        new("WrongSecret", 401, "unauthorized_credentials", async r =>
        {
            using var wrong = new WireClient(r.Stytch.Url, r.Project.ProjectId, r.Project.Secret + "-wrong");
            return await wrong.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");
        }),
        new("MalformedProjectId", 400, "invalid_project_id_authentication", async r =>
        {
            using var bad = new WireClient(r.Stytch.Url, "not-a-project", r.Project.Secret);
            return await bad.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");
        }),
        new("UnknownRoute", 404, "route_not_found", r => r.Client.GetAsync("/v1/nothing/here")),
        new("UnknownRouteOutsideV1", 404, "route_not_found", r => r.AnonymousGetAsync("/not-stytch/at-all")),
        new("WrongMethod", 405, "method_not_allowed", r => r.Client.GetAsync("/v1/otps/email/login_or_create")),
        new("InvalidJson", 400, "bad_request", r => r.Client.PostRawAsync("/v1/otps/email/login_or_create", "{\"email\":")),
        new("EmptyBody", 400, "bad_request", r => r.Client.PostRawAsync("/v1/otps/email/login_or_create", "")),
        new("WrongType", 400, "bad_request", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", expiration_minutes = "5" })),
        new("UnknownFieldInStrictProject", 400, "bad_request", r =>
            r.InStrictProjectAsync(client => client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", nope = 1 }))),
        new("PathIdDiffersInStrictProject", 400, "bad_request", r => r.InStrictProjectAsync(async client =>
        {
            var org = (await client.PostAsync(Orgs, new { organization_name = "Acme Inc" })).Json["organization"]!["organization_id"]!.GetValue<string>();
            return await client.SendAsync(HttpMethod.Put, $"{Orgs}/{org}", """{"organization_id":"globex","organization_name":"Acme Corp"}""");
        })),
        new("InvalidEmail", 400, "invalid_email", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "not-an-email" })),
        new("InvalidLocale", 400, "invalid_locale", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", locale = "de" })),
        new("ExpirationOutOfRange", 400, "invalid_expiration_otp", r => r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", expiration_minutes = 11 })),
        new("SendUnknownEmail", 404, "email_not_found", r => r.Client.PostAsync("/v1/otps/email/send", new { email = "nobody@example.com" })),
        new("OtpWrongCode", 404, "otp_code_not_found", async r =>
        {
            var (emailId, code) = await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code = code == "123456" ? "654321" : "123456" });
        }),
        new("OtpReusedCode", 401, "unable_to_auth_otp_code", async r =>
        {
            var (emailId, code) = await r.SendCodeAsync("ada@example.com");
            await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code });
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code });
        }),
        new("OtpSessionDurationOutOfRange", 400, "invalid_session_duration_minutes", async r =>
        {
            var (emailId, code) = await r.SendCodeAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 4 });
        }),
        new("AttributeMismatch", 401, "attribute_mismatch", async r =>
        {
            var sent = await r.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", attributes = new { ip_address = "203.0.113.7" } });
            return await r.Client.PostAsync("/v1/otps/authenticate", new
            {
                method_id = sent["email_id"], code = r.Project.Outbox.LatestFor("ada@example.com").Code,
                attributes = new { ip_address = "198.51.100.9" }, options = new { ip_match_required = true, user_agent_match_required = false },
            });
        }),
        new("CustomClaimsTooLarge", 400, "custom_claims_too_large", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken, session_custom_claims = new { blob = new string('x', 5000) } });
        }),
        new("ReservedClaimsInCustomClaims", 400, "reserved_claims_in_custom_claims", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken, session_custom_claims = new { sub = "x" } });
        }),
        new("StytchClaimsInCustomClaims", 400, "stytch_claims_in_custom_claims", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new Dictionary<string, object?>
            {
                ["session_token"] = login.SessionToken, ["session_custom_claims"] = new Dictionary<string, object?> { ["https://stytch.com/session"] = "x" },
            });
        }),
        new("UnableToRepresentCustomClaimsJson", 400, "unable_to_represent_custom_claims_json", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostRawAsync("/v1/sessions/authenticate", $$$"""{"session_token":"{{{login.SessionToken}}}","session_custom_claims":{"n":-1e999}}""");
        }),
        new("UserNotFound", 404, "user_not_found", r => r.Client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000")),
        new("SessionNotFound", 404, "session_not_found", r => r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = SessionHarness.UnknownToken() })),
        new("TooManySessionArguments", 400, "too_many_session_arguments", async r =>
        {
            var login = await r.LoginAsync("ada@example.com");
            return await r.Client.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken, session_jwt = login.SessionJwt });
        }),
        new("NoSessionRevokeArguments", 400, "no_session_revoke_arguments", r => r.Client.PostAsync("/v1/sessions/revoke", new { })),
        new("UnparsableJwt", 400, "unable_to_parse_session_jwt", r => r.Client.PostAsync("/v1/sessions/authenticate", new { session_jwt = "not.a.jwt" })),
        new("OrganizationNotFound", 404, "organization_not_found", r =>
            r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = "organization-test-00000000-0000-4000-8000-000000000000", email_address = "ada@acme.io" })),
        new("JitNotAllowed", 400, "email_jit_provisioning_not_allowed", async r =>
            await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = await r.OrganizationAsync(), email_address = "ada@acme.io" })),
        new("JitDomainNotAllowed", 400, "invalid_email_for_jit_provisioning", async r =>
            await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = await r.OrganizationAsync(jit: true), email_address = "ada@example.com" })),
        new("B2BWrongCode", 404, "otp_code_not_found", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            await r.Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = org, email_address = "ada@acme.io" });
            var code = r.Project.Outbox.LatestFor("ada@acme.io").Code;
            return await r.Client.PostAsync("/v1/b2b/otps/email/authenticate", new { organization_id = org, email_address = "ada@acme.io", code = code == "123456" ? "654321" : "123456" });
        }),
        new("SlugAlreadyUsed", 400, "organization_slug_already_used", async r =>
        {
            await r.OrganizationAsync("acme");
            return await r.Client.PostAsync(Orgs, new { organization_name = "Acme again", organization_slug = "acme" });
        }),
        new("DuplicateMemberEmail", 400, "duplicate_member_email", async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.PostAsync($"{Orgs}/{org}/members", new { email_address = "ada@acme.io" });
        }),
        new("MemberNotFound", 404, "member_not_found", async r =>
            await r.Client.GetAsync($"{Orgs}/{await r.OrganizationAsync()}/member?email_address=nobody@acme.io")),
        new("MemberSearchWithoutOrganizations", 400, "member_search_organization_ids_empty", r => r.Client.PostAsync(Orgs + "/members/search", new { limit = 10 })),
        new("AuthorizationDenied", 403, "session_authorization_error", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            var login = await r.MemberLoginAsync(org, "ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/sessions/authenticate", new
            {
                session_token = login[Token],
                authorization_check = new { organization_id = org, resource_id = "stytch.organization", action = "delete" },
            });
        }),
        new("RateLimited", 429, "too_many_requests", async r =>
        {
            var project = r.Stytch.CreateProject();
            try
            {
                project.RateLimits.Enabled = true;
                using var client = new WireClient(r.Stytch, project);
                WireResult last;
                var calls = 0;
                do
                {
                    last = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
                }
                while (last.Status == 200 && ++calls < 1000);

                return last;
            }
            finally
            {
                r.Stytch.RemoveProject(project.ProjectId);
            }
        }),
        new("BackDoorProjectNotFound", 404, "project_not_found", r => r.AnonymousGetAsync("/_fake/v1/projects/project-test-00000000-0000-4000-8000-000000000000/outbox")),
        new("BackDoorFaultNotFound", 404, "fault_not_found", r => r.Client.DeleteAsync($"/_fake/v1/projects/{r.Project.ProjectId}/faults/fault-test-00000000-0000-4000-8000-000000000000")),
        new("JwksUnknownProject", 404, "project_not_found", r => r.AnonymousGetAsync("/v1/b2b/sessions/jwks/project-test-00000000-0000-4000-8000-000000000000")),
        .. M2MConformance.ErrorVariants,
        .. MagicLinkErrorVariants(),
        .. B2BMagicLinkConformance.ErrorVariants,
        .. MfaConformance.ErrorVariants,
        .. DiscoveryConformance.ErrorVariants,
        .. PasswordConformance.ErrorVariants,
        .. B2BPasswordConformance.ErrorVariants,
        .. MemberSessionConformance.ErrorVariants,
        .. UserConformance.ErrorVariants,
        .. PhoneOtpConformance.ErrorVariants,
    ];

    /// <summary>An organization created through the API, with Stytch's defaults or email JIT for acme.io; its id.</summary>
    public async Task<string> OrganizationAsync(string slug = "acme", bool jit = false)
    {
        var response = jit
            ? await Client.PostAsync(Orgs, new { organization_name = slug + " Inc", organization_slug = slug, email_jit_provisioning = "RESTRICTED", email_allowed_domains = new[] { "acme.io" } })
            : await Client.PostAsync(Orgs, new { organization_name = slug + " Inc", organization_slug = slug });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!["organization_id"]!.GetValue<string>();
    }

    /// <summary>A member created through the API; its id.</summary>
    /// <summary>Runs <paramref name="call"/> against a strict project of its own (refusing unknown fields), then removes it.</summary>
    public async Task<WireResult> InStrictProjectAsync(Func<WireClient, Task<WireResult>> call)
    {
        var project = Stytch.CreateProject(new StytchProjectOptions { StrictFields = true });
        try
        {
            using var client = new WireClient(Stytch, project);
            return await call(client);
        }
        finally
        {
            Stytch.RemoveProject(project.ProjectId);
        }
    }

    public async Task<string> MemberAsync(string organization, string email, bool pending = false)
    {
        var response = await Client.PostAsync($"{Orgs}/{organization}/members", new { email_address = email, create_member_as_pending = pending });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response["member_id"]!;
    }

    /// <summary>login_or_signup, then otps/email/authenticate with the code from the outbox and <paramref name="extra"/>.</summary>
    public async Task<WireResult> MemberLoginAsync(string organization, string email, Dictionary<string, object?>? extra = null)
    {
        var sent = await Client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = organization, email_address = email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var body = new Dictionary<string, object?>(extra ?? [])
        {
            ["organization_id"] = organization,
            ["email_address"] = email,
            ["code"] = Project.Outbox.LatestFor(email).Code,
        };
        var auth = await Client.PostAsync("/v1/b2b/otps/email/authenticate", body);
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return auth;
    }

    /// <summary>login_or_create, and the email id and code that were "sent".</summary>
    public async Task<(string EmailId, string Code)> SendCodeAsync(string email)
    {
        var sent = await Client.PostAsync("/v1/otps/email/login_or_create", new { email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return (sent["email_id"]!, Project.Outbox.LatestFor(email).Code);
    }

    /// <summary>Logs a consumer in with a 60-minute session.</summary>
    public Task<LoggedIn> LoginAsync(string email) => SessionHarness.LoginAsync(Client, Project, email);

    /// <summary>The otps/authenticate answer of a login with a 60-minute session.</summary>
    public async Task<WireResult> LoginResponseAsync(string email) => (await LoginAsync(email)).Response;

    /// <summary>A GET without an Authorization header.</summary>
    public async Task<WireResult> AnonymousGetAsync(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = Stytch.Url };
        using var response = await anonymous.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static ResponseVariant Post(string name, string path, Func<ConformanceRun, Task<WireResult>> produce) => new(name, "POST", path, produce);

    private static ResponseVariant Get(string name, string path, Func<ConformanceRun, Task<WireResult>> produce) => new(name, "GET", path, produce);

    private static ResponseVariant Put(string name, string path, Func<ConformanceRun, Task<WireResult>> produce) => new(name, "PUT", path, produce);

    private static ResponseVariant Delete(string name, string path, Func<ConformanceRun, Task<WireResult>> produce) => new(name, "DELETE", path, produce);
}
