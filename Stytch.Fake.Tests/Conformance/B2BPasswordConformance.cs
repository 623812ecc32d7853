namespace Stytch.Fake.Tests.Conformance;

/// <summary>The B2B password operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class B2BPasswordConformance
{
    private const string Authenticate = "/v1/b2b/passwords/authenticate";
    private const string Strength = "/v1/b2b/passwords/strength_check";
    private const string ResetStart = "/v1/b2b/passwords/email/reset/start";
    private const string EmailReset = "/v1/b2b/passwords/email/reset";
    private const string ExistingReset = "/v1/b2b/passwords/existing_password/reset";
    private const string SessionReset = "/v1/b2b/passwords/session/reset";
    private const string Migrate = "/v1/b2b/passwords/migrate";
    private const string DiscoveryAuthenticate = "/v1/b2b/passwords/discovery/authenticate";
    private const string DiscoveryResetStart = "/v1/b2b/passwords/discovery/email/reset/start";
    private const string DiscoveryReset = "/v1/b2b/passwords/discovery/email/reset";

    // A strong password on no breached list, and its MD-5 (hex, by Python's hashlib).
    private const string Password = "Plover-Quartz-91!";
    private const string PasswordMd5 = "2ee220973e9e0639bfce3288cc491f0e";
    private const string NewPassword = "Rook-Ember-Vista-42";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("B2BPasswordMigrate_NewMemberEveryField", "POST", Migrate, async r => await r.Client.PostAsync(Migrate, new
        {
            organization_id = await r.OrganizationAsync(),
            email_address = "ada@acme.io",
            hash_type = "pbkdf_2",
            hash = "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=",
            pbkdf_2_config = new { salt = "c2FsdA==", iteration_amount = 4096, key_length = 32, algorithm = "sha256" },
            name = "Ada",
            trusted_metadata = new { plan = "pro" },
            untrusted_metadata = new { theme = "dark" },
            roles = new[] { "stytch_admin" },
            external_id = "legacy-1",
        })),
        new("B2BPasswordMigrate_ExistingMember", "POST", Migrate, async r =>
        {
            var org = await r.OrganizationAsync();
            await r.MemberAsync(org, "ada@acme.io");
            return await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "bcrypt", hash = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" });
        }),
        new("B2BPasswordAuthenticate_NewSession", "POST", Authenticate, async r =>
            await r.Client.PostAsync(Authenticate, new { organization_id = await MemberWithPasswordAsync(r), email_address = "ada@acme.io", password = Password })),
        new("B2BPasswordAuthenticate_ExtendsSessionWithClaims", "POST", Authenticate, async r =>
        {
            var org = await MemberWithPasswordAsync(r);
            var first = await r.Client.PostAsync(Authenticate, new { organization_id = org, email_address = "ada@acme.io", password = Password });
            return await r.Client.PostAsync(Authenticate, new
            {
                organization_id = org,
                email_address = "ada@acme.io",
                password = Password,
                session_token = first["session_token"],
                session_duration_minutes = 240,
                session_custom_claims = new { tier = "gold" },
                locale = "fr",
            });
        }),
        new("B2BPasswordStrengthCheck_Strong", "POST", Strength, r => r.Client.PostAsync(Strength, new { password = Password })),
        new("B2BPasswordStrengthCheck_WeakWithEmail", "POST", Strength, r => r.Client.PostAsync(Strength, new { password = "password", email_address = "ada@acme.io" })),
        new("B2BPasswordResetStart_EveryOption", "POST", ResetStart, async r => await r.Client.PostAsync(ResetStart, new
        {
            organization_id = await MemberWithPasswordAsync(r),
            email_address = "ada@acme.io",
            reset_password_redirect_url = Core.RedirectUrls.FreshProjectDefault,
            reset_password_expiration_minutes = 60,
            code_challenge = Core.Pkce.ChallengeOf("a-pkce-code-verifier-of-enough-length-0123456789"),
            login_redirect_url = Core.RedirectUrls.FreshProjectDefault,
            locale = "es",
            reset_password_template_id = "reset",
        })),
        new("B2BPasswordEmailReset_NewSession", "POST", EmailReset, async r =>
        {
            await r.Client.PostAsync(ResetStart, new { organization_id = await MemberWithPasswordAsync(r), email_address = "ada@acme.io" });
            return await r.Client.PostAsync(EmailReset, new { password_reset_token = r.Project.Outbox.LatestFor("ada@acme.io").Token, password = NewPassword });
        }),
        new("B2BPasswordExistingReset_NewSession", "POST", ExistingReset, async r => await r.Client.PostAsync(ExistingReset, new
        {
            organization_id = await MemberWithPasswordAsync(r),
            email_address = "ada@acme.io",
            existing_password = Password,
            new_password = NewPassword,
        })),
        new("B2BPasswordSessionReset_FreshSession", "POST", SessionReset, async r =>
        {
            var org = await MemberWithPasswordAsync(r);
            var login = await r.Client.PostAsync(Authenticate, new { organization_id = org, email_address = "ada@acme.io", password = Password });
            return await r.Client.PostAsync(SessionReset, new { organization_id = org, password = NewPassword, session_token = login["session_token"] });
        }),
        new("B2BPasswordAuthenticate_MfaRequiredSmsSent", "POST", Authenticate, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "md_5", hash = PasswordMd5, mfa_phone_number = "+14155550123" });
            return await r.Client.PostAsync(Authenticate, new { organization_id = org, email_address = "ada@acme.io", password = Password, locale = "es" });
        }),
        new("B2BPasswordAuthenticate_IntermediateSessionCompleted", "POST", Authenticate, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "md_5", hash = PasswordMd5 });
            var first = await r.Client.PostAsync(Authenticate, new { organization_id = org, email_address = "ada@acme.io", password = Password });
            await r.Client.SendAsync(HttpMethod.Put, $"/v1/b2b/organizations/{org}", """{"mfa_policy":"OPTIONAL"}""");
            return await r.Client.PostAsync(Authenticate, new { organization_id = org, email_address = "ada@acme.io", password = Password, intermediate_session_token = first["intermediate_session_token"] });
        }),
        new("B2BPasswordEmailReset_MfaRequired", "POST", EmailReset, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "md_5", hash = PasswordMd5 });
            await r.Client.PostAsync(ResetStart, new { organization_id = org, email_address = "ada@acme.io" });
            return await r.Client.PostAsync(EmailReset, new { password_reset_token = r.Project.Outbox.LatestFor("ada@acme.io").Token, password = NewPassword });
        }),
        new("B2BPasswordExistingReset_MfaRequired", "POST", ExistingReset, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "md_5", hash = PasswordMd5 });
            return await r.Client.PostAsync(ExistingReset, new { organization_id = org, email_address = "ada@acme.io", existing_password = Password, new_password = NewPassword });
        }),
        new("B2BPasswordDiscoveryAuthenticate_MemberAndJoinable", "POST", DiscoveryAuthenticate, async r =>
        {
            await MemberWithPasswordAsync(r);
            return await r.Client.PostAsync(DiscoveryAuthenticate, new { email_address = "ada@acme.io", password = Password });
        }),
        new("B2BPasswordDiscoveryResetStart_EveryOption", "POST", DiscoveryResetStart, async r =>
        {
            await MemberWithPasswordAsync(r);
            return await r.Client.PostAsync(DiscoveryResetStart, new
            {
                email_address = "ada@acme.io",
                reset_password_redirect_url = Core.RedirectUrls.FreshProjectDefault,
                discovery_redirect_url = Core.RedirectUrls.FreshProjectDefault,
                reset_password_template_id = "reset",
                reset_password_expiration_minutes = 60,
                pkce_code_challenge = Core.Pkce.ChallengeOf("a-pkce-code-verifier-of-enough-length-0123456789"),
                locale = "es",
                verify_email_template_id = "verify",
            });
        }),
        new("B2BPasswordDiscoveryReset_IntermediateSession", "POST", DiscoveryReset, async r =>
        {
            await MemberWithPasswordAsync(r);
            await r.Client.PostAsync(DiscoveryResetStart, new { email_address = "ada@acme.io" });
            return await r.Client.PostAsync(DiscoveryReset, new { password_reset_token = r.Project.Outbox.LatestFor("ada@acme.io").Token, password = NewPassword });
        }),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("B2BPasswordIntermediateSessionUnknown", 404, "intermediate_session_not_found", async r => await r.Client.PostAsync(Authenticate, new
        {
            organization_id = await MemberWithPasswordAsync(r),
            email_address = "ada@acme.io",
            password = Password,
            intermediate_session_token = "no-such-intermediate-session",
        })),
        new("B2BPasswordWrong", 401, "unauthorized_credentials", async r =>
            await r.Client.PostAsync(Authenticate, new { organization_id = await MemberWithPasswordAsync(r), email_address = "ada@acme.io", password = "wrong" })),
        new("B2BPasswordMigrateInvalidBcryptHash", 400, "invalid_bcrypt_hash", async r =>
            await r.Client.PostAsync(Migrate, new { organization_id = await r.OrganizationAsync(), email_address = "ada@acme.io", hash_type = "bcrypt", hash = "nope" })),
        new("B2BPasswordResetTokenUnknown", 401, "unable_to_auth_password_reset_token", r =>
            r.Client.PostAsync(EmailReset, new { password_reset_token = "no-such-token", password = NewPassword })),
        new("B2BPasswordWeak", 400, "weak_password", async r => await r.Client.PostAsync(ExistingReset, new
        {
            organization_id = await MemberWithPasswordAsync(r),
            email_address = "ada@acme.io",
            existing_password = Password,
            new_password = "password",
        })),
        new("B2BPasswordDiscoveryWrong", 401, "unauthorized_credentials", async r =>
        {
            await MemberWithPasswordAsync(r);
            return await r.Client.PostAsync(DiscoveryAuthenticate, new { email_address = "ada@acme.io", password = "wrong" });
        }),
    ];

    /// <summary>An organization <c>acme</c> that JIT provisions acme.io and requires MFA of everyone; its id.</summary>
    private static async Task<string> MfaOrganizationAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync("/v1/b2b/organizations", new
        {
            organization_name = "Acme Inc",
            organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED",
            email_allowed_domains = new[] { "acme.io" },
            mfa_policy = "REQUIRED_FOR_ALL",
        });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!["organization_id"]!.GetValue<string>();
    }

    /// <summary>An organization with ada@acme.io, whose password is <see cref="Password"/> (migrated as MD-5); its id.</summary>
    private static async Task<string> MemberWithPasswordAsync(ConformanceRun r)
    {
        var org = await r.OrganizationAsync();
        var migrated = await r.Client.PostAsync(Migrate, new { organization_id = org, email_address = "ada@acme.io", hash_type = "md_5", hash = PasswordMd5 });
        Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);
        return org;
    }
}
