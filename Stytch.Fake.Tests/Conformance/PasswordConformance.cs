using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The consumer password variants for <see cref="SpecConformanceTests"/>: every operation, with and without a session.</summary>
internal static class PasswordConformance
{
    private const string Email = "ada@example.com";
    private const string Strong = "violet-Tractor-umbrella-88";
    private const string NewPassword = "another-Quiet-lantern-71";
    private const string Create = "/v1/passwords";
    private const string Authenticate = "/v1/passwords/authenticate";
    private const string Strength = "/v1/passwords/strength_check";
    private const string ResetStart = "/v1/passwords/email/reset/start";
    private const string Reset = "/v1/passwords/email/reset";
    private const string Existing = "/v1/passwords/existing_password/reset";
    private const string SessionReset = "/v1/passwords/session/reset";
    private const string Migrate = "/v1/passwords/migrate";
    private const string StrongMd5 = "2ee220973e9e0639bfce3288cc491f0e"; // MD-5 of "Plover-Quartz-91!" (Python's hashlib)

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("PasswordsCreate_NoSession", "POST", Create, r => r.Client.PostAsync(Create, new { email = Email, password = Strong })),
        new("PasswordsCreate_WithSessionAndEveryField", "POST", Create, r => r.Client.PostAsync(Create, new
        {
            email = Email, password = Strong, session_duration_minutes = 60, session_custom_claims = new { plan = "gold" },
            trusted_metadata = new { tier = 1 }, untrusted_metadata = new { theme = "dark" }, name = new { first_name = "Ada" }, telemetry_id = "t",
        })),
        new("PasswordsAuthenticate_NoSession", "POST", Authenticate, async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = Strong });
        }),
        new("PasswordsAuthenticate_WithSession", "POST", Authenticate, async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = Strong, session_duration_minutes = 60 });
        }),
        new("PasswordsStrengthCheck_Zxcvbn", "POST", Strength, r => r.Client.PostAsync(Strength, new { password = "p@ssword1", email = Email })),
        new("PasswordsStrengthCheck_Luds", "POST", Strength, r =>
        {
            r.Project.Passwords.Policy = PasswordPolicy.Default with { Strategy = PasswordStrategy.Luds };
            return r.Client.PostAsync(Strength, new { password = "abc" });
        }),
        new("PasswordsEmailResetStart", "POST", ResetStart, async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(ResetStart, new { email = Email, reset_password_expiration_minutes = 15, locale = "es" });
        }),
        new("PasswordsEmailReset_WithSession", "POST", Reset, async r =>
        {
            var token = await ResetTokenAsync(r);
            return await r.Client.PostAsync(Reset, new { token, password = NewPassword, session_duration_minutes = 60 });
        }),
        new("PasswordsEmailReset_NoSession", "POST", Reset, async r =>
            await r.Client.PostAsync(Reset, new { token = await ResetTokenAsync(r), password = NewPassword })),
        new("PasswordsExistingPasswordReset", "POST", Existing, async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Existing, new { email = Email, existing_password = Strong, new_password = NewPassword, session_duration_minutes = 60 });
        }),
        new("PasswordsSessionReset", "POST", SessionReset, async r =>
        {
            var created = await r.Client.PostAsync(Create, new { email = Email, password = Strong, session_duration_minutes = 60 });
            return await r.Client.PostAsync(SessionReset, new { password = NewPassword, session_token = created["session_token"] });
        }),
        new("PasswordsMigrate_NewUser", "POST", Migrate, r => r.Client.PostAsync(Migrate, new { email = Email, hash_type = "md_5", hash = StrongMd5 })),
        new("PasswordsMigrate_ExistingUserEveryField", "POST", Migrate, r =>
        {
            r.Project.Users.Create(Email);
            return r.Client.PostAsync(Migrate, new
            {
                email = Email, hash_type = "sha_1", hash = "94aea62df50dc295941404d83e760de45f7e93c4", sha_1_config = new { prepend_salt = "pre" },
                set_email_verified = true, name = new { first_name = "Ada" }, trusted_metadata = new { tier = 1 }, untrusted_metadata = new { theme = "dark" },
                phone_number = "+12025550123", set_phone_number_verified = true, external_id = "legacy-1",
            });
        }),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("PasswordsCreateWeak", 400, "weak_password", r => r.Client.PostAsync(Create, new { email = Email, password = "password" })),
        new("PasswordsAuthenticateWrong", 401, "unauthorized_credentials", async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = "wrong" });
        }),
        new("PasswordsAuthenticateNoPassword", 400, "no_user_password", async r =>
        {
            r.Project.Users.Create(Email);
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = Strong });
        }),
        new("PasswordsAuthenticateLocked", 429, "user_lock_limit_reached", async r =>
        {
            await CreateAsync(r);
            r.Project.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 1 };
            await r.Client.PostAsync(Authenticate, new { email = Email, password = "wrong" });
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = Strong });
        }),
        new("PasswordsAuthenticateBreached", 400, "reset_password", async r =>
        {
            await CreateAsync(r);
            r.Project.Passwords.AddBreached(Strong);
            return await r.Client.PostAsync(Authenticate, new { email = Email, password = Strong });
        }),
        new("PasswordsEmailResetUsedToken", 401, "unable_to_auth_password_reset_token", r => r.Client.PostAsync(Reset, new { token = "no-such-token", password = NewPassword })),
        new("PasswordsExistingPasswordResetSame", 400, "cannot_reset_password_with_existing_password", async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Existing, new { email = Email, existing_password = Strong, new_password = Strong });
        }),
        new("PasswordsMigrateAlreadyExists", 400, "password_already_exists", async r =>
        {
            await CreateAsync(r);
            return await r.Client.PostAsync(Migrate, new { email = Email, hash_type = "md_5", hash = StrongMd5 });
        }),
    ];

    private static async Task CreateAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync(Create, new { email = Email, password = Strong });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    private static async Task<string> ResetTokenAsync(ConformanceRun r)
    {
        await CreateAsync(r);
        await r.Client.PostAsync(ResetStart, new { email = Email });
        return r.Project.Outbox.LatestFor(Email).Token!;
    }
}
